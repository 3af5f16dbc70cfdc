import { assertCan, type Ctx } from '../../platform/context.ts';
import { keysetPage, keysetQuery, type KeyPart } from '../../platform/db/index.ts';
import { fieldIssues, ValidationError } from '../../platform/errors.ts';
import { ListIncidentsInput, type Incident } from './schemas.ts';
import { incidentsDb, remindersOf, toIncident } from './store.ts';

const encode = (key: readonly KeyPart[]) => Buffer.from(key.join(':')).toString('base64url');
function decode(cursor: string): [number, string] {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (!id || !/^\d+$/.test(at)) throw new ValidationError([{ path: 'cursor', message: 'not a cursor from a previous page' }]);
  return [Number(at), id];
}
const many = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/** Newest first (by trigger time), keyset-paged. */
export async function listIncidents({ ctx, input }: { ctx: Ctx; input: ListIncidentsInput }): Promise<{ data: Incident[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const parsed = ListIncidentsInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues));
  const { limit, cursor, open } = parsed.data;
  const statuses = open ? ['triggered', 'acknowledged'] : many(parsed.data.status);
  const severities = many(parsed.data.severity);
  const after = cursor ? decode(cursor) : null;
  const rows = await incidentsDb(ctx.db)
    .selectFrom('incidents')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .$if(statuses !== undefined, (qb) => qb.where('status', 'in', statuses as never))
    .$if(severities !== undefined, (qb) => qb.where('severity', 'in', severities as never))
    .$call((qb) => keysetQuery(qb, { columns: ['triggered_at', 'id'], order: 'desc', after, limit }))
    .execute();
  const { page, nextCursor } = keysetPage(rows, limit, (r) => [Number(r.triggered_at), r.id], encode);
  const reminders = await remindersOf(ctx, page);
  return { data: page.map((r) => toIncident(r, reminders.get(r.id))), nextCursor };
}
