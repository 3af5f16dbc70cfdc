import { assertCan, type Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { ListPageIncidentsInput, PageIncident } from './schemas.ts';
import { getPageInOrg, incidentUpdates, pagesDb, toPageIncident } from './store.ts';

function decodeCursor(cursor: string): { startedAt: number; id: string } {
  try {
    const [startedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [number, string];
    if (Number.isFinite(startedAt) && typeof id === 'string') return { startedAt, id };
  } catch {
    // fall through
  }
  throw new ValidationError([{ path: 'cursor', message: 'not a cursor this API returned' }]);
}

/** Newest first, with their updates. */
export async function listPageIncidents({ ctx, pageId, input }: { ctx: Ctx; pageId: string; input: ListPageIncidentsInput }): Promise<{ data: PageIncident[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  await getPageInOrg(ctx, pageId);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await pagesDb(ctx.db)
    .selectFrom('status_page_incidents')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('page_id', '=', pageId)
    .$if(after !== null, (qb) => qb.where((eb) => eb.or([eb('started_at', '<', after!.startedAt), eb.and([eb('started_at', '=', after!.startedAt), eb('id', '<', after!.id)])])))
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const updates = await incidentUpdates(ctx.db, page.map((r) => r.id));
  const last = rows.length > input.limit ? page[page.length - 1] : null;
  return {
    data: page.map((r) => toPageIncident(r, updates.get(r.id) ?? [])),
    nextCursor: last ? Buffer.from(JSON.stringify([Number(last.started_at), last.id])).toString('base64url') : null,
  };
}
