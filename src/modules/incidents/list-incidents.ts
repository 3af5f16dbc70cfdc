import { assertCan, type Ctx } from '../../platform/context.ts';
import { fieldIssues, ValidationError } from '../../platform/errors.ts';
import { ListIncidentsInput, type Incident } from './schemas.ts';
import { incidentsDb, remindersOf, toIncident } from './store.ts';

const encode = (at: number, id: string) => Buffer.from(`${at}:${id}`).toString('base64url');
function decode(cursor: string): { at: number; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (!id || !/^\d+$/.test(at)) throw new ValidationError([{ path: 'cursor', message: 'not a cursor from a previous page' }]);
  return { at: Number(at), id };
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
    .$if(after !== null, (qb) => qb.where((eb) => eb.or([eb('triggered_at', '<', after!.at), eb.and([eb('triggered_at', '=', after!.at), eb('id', '<', after!.id)])])))
    .orderBy('triggered_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const pageRows = rows.slice(0, limit);
  const reminders = await remindersOf(ctx, pageRows);
  const last = pageRows.at(-1);
  return { data: pageRows.map((r) => toIncident(r, reminders.get(r.id))), nextCursor: rows.length > limit && last ? encode(Number(last.triggered_at), last.id) : null };
}
