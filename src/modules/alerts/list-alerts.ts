import { assertCan, type Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { matchesAll, parseMatcher, type Matcher } from './matchers.ts';
import type { Alert, ListAlertsInput } from './schemas.ts';
import { alertsDb, toAlert } from './store.ts';

function parseFilters(input: ListAlertsInput): Matcher[] {
  const texts = input.matcher === undefined ? [] : [input.matcher].flat();
  return texts.map((text, i) => {
    const r = parseMatcher(text);
    if ('error' in r) throw new ValidationError([{ path: texts.length > 1 ? `matcher.${i}` : 'matcher', message: r.error }]);
    return r.matcher;
  });
}

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new ValidationError([{ path: 'cursor', message: 'not a cursor this API returned' }]);
  return id;
}

/** Newest first. Label matchers are applied to the decoded labels, reading on until a page is full. */
export async function listAlerts({ ctx, input }: { ctx: Ctx; input: ListAlertsInput }): Promise<{ data: Alert[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const matchers = parseFilters(input);
  const from = input.from ? Date.parse(input.from) : null;
  const to = input.to ? Date.parse(input.to) : null;
  const batch = matchers.length > 0 ? Math.max(200, input.limit * 2) : input.limit + 1;
  let after = input.cursor ? decodeCursor(input.cursor) : null;
  const found: Alert[] = [];
  for (;;) {
    const rows = await alertsDb(ctx.db)
      .selectFrom('alerts')
      .selectAll()
      .where('org_id', '=', ctx.orgId)
      .$if(!!input.status, (qb) => qb.where('status', '=', input.status!))
      .$if(!!input.source, (qb) => qb.where('source', '=', input.source!))
      .$if(!!input.severity, (qb) => qb.where('severity', '=', input.severity!))
      .$if(from !== null, (qb) => qb.where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>=', from!)])))
      .$if(to !== null, (qb) => qb.where('starts_at', '<=', to!))
      .$if(after !== null, (qb) => qb.where('id', '<', after!))
      .orderBy('id', 'desc')
      .limit(batch)
      .execute();
    for (const row of rows) {
      if (found.length > input.limit) break;
      if (matchers.length === 0 || matchesAll(matchers, JSON.parse(row.labels))) found.push(toAlert(row));
    }
    if (found.length > input.limit || rows.length < batch) break;
    after = rows[rows.length - 1].id;
  }
  const page = found.slice(0, input.limit);
  return { data: page, nextCursor: found.length > input.limit ? Buffer.from(page[page.length - 1].id).toString('base64url') : null };
}
