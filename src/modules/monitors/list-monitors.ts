import { sql } from 'kysely';
import { assertCan, type Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { ListMonitorsInput, Monitor } from './schemas.ts';
import { monitorsDb, toMonitor } from './store.ts';

/** `column` contains `text` literally: `%`, `_` and `\\` in it match only themselves, on both dialects. */
const contains = (column: 'name' | 'labels', text: string) => sql<boolean>`${sql.ref(column)} like ${`%${text.replace(/[%_\\]/g, '\\$&')}%`} escape '\\'`;

function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof name === 'string' && typeof id === 'string') return { name, id };
  } catch {
    // fall through
  }
  throw new ValidationError([{ path: 'cursor', message: 'not a cursor this API returned' }]);
}

function parseLabels(label: ListMonitorsInput['label']): [string, string][] {
  const items = label === undefined ? [] : Array.isArray(label) ? label : [label];
  return items.map((item, i) => {
    const at = item.indexOf('=');
    if (at < 1) throw new ValidationError([{ path: `label.${i}`, message: 'use key=value' }]);
    return [item.slice(0, at), item.slice(at + 1)];
  });
}

/** Ordered by name; label filters are matched on the decoded labels. */
export async function listMonitors({ ctx, input }: { ctx: Ctx; input: ListMonitorsInput }): Promise<{ data: Monitor[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const labels = parseLabels(input.label);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await monitorsDb(ctx.db)
    .selectFrom('monitors')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .$if(!!input.state, (qb) => qb.where('state', '=', input.state!))
    .$if(!!input.type, (qb) => qb.where('type', '=', input.type!))
    .$if(!!input.search, (qb) => qb.where(contains('name', input.search!)))
    .$if(labels.length > 0, (qb) => qb.where((eb) => eb.and(labels.map(([k, v]) => contains('labels', `${JSON.stringify(k).slice(0, -1)}":${JSON.stringify(v)}`)))))
    .$if(after !== null, (qb) => qb.where((eb) => eb(eb.refTuple('name', 'id'), '>', eb.tuple(after!.name, after!.id))))
    .orderBy('name')
    .orderBy('id')
    .limit(input.limit + 1)
    .execute();
  const exact = rows.filter((r) => labels.every(([k, v]) => (JSON.parse(r.labels) as Record<string, string>)[k] === v));
  const page = exact.slice(0, input.limit);
  const last = rows.length > input.limit ? rows[input.limit - 1] : null;
  return { data: page.map(toMonitor), nextCursor: last ? Buffer.from(JSON.stringify([last.name, last.id])).toString('base64url') : null };
}
