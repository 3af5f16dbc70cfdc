import { assertCan, type Ctx } from '../../platform/context.ts';
import { decodeCursor, keysetPage, keysetQuery, sql } from '../../platform/db/index.ts';
import type { ListReceiptsInput, Receipt } from './schemas.ts';
import { notificationsDb, toReceipt } from './store.ts';

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** Receipts newest first: every attempt of every delivery, test sends included. */
export async function listReceipts({ ctx, input }: { ctx: Ctx; input: ListReceiptsInput }): Promise<{ data: Receipt[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const after = input.cursor ? decodeCursor<[number, string]>(input.cursor, ['number', 'string']) : null;
  // alert_ids is a JSON array of strings, so the quoted id matches one element exactly.
  const alertPattern = input.alertId ? `%${likeEscaped(JSON.stringify(input.alertId))}%` : null;
  const rows = await notificationsDb(ctx.db)
    .selectFrom('notification_receipts')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .$if(!!input.channelId, (qb) => qb.where('channel_id', '=', input.channelId!))
    .$if(!!input.dispatchId, (qb) => qb.where('dispatch_id', '=', input.dispatchId!))
    .$if(!!input.status, (qb) => qb.where('state', '=', input.status!))
    .$if(alertPattern !== null, (qb) => qb.where(sql<boolean>`alert_ids like ${alertPattern} escape '\\'`))
    .$call((qb) => keysetQuery(qb, { columns: ['at', 'id'], order: 'desc', after, limit: input.limit }))
    .execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (r) => [Number(r.at), r.id]);
  return { data: page.map(toReceipt), nextCursor };
}
