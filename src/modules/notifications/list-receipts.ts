import { assertCan, type Ctx } from '../../platform/context.ts';
import { sql } from '../../platform/db/index.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { ListReceiptsInput, Receipt } from './schemas.ts';
import { encodeCursor, notificationsDb, toReceipt } from './store.ts';

function decodeCursor(cursor: string): { at: number; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [number, string];
    if (typeof at === 'number' && typeof id === 'string') return { at, id };
  } catch {
    // fall through
  }
  throw new ValidationError([{ path: 'cursor', message: 'not a cursor this API returned' }]);
}

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** Receipts newest first: every attempt of every delivery, test sends included. */
export async function listReceipts({ ctx, input }: { ctx: Ctx; input: ListReceiptsInput }): Promise<{ data: Receipt[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const after = input.cursor ? decodeCursor(input.cursor) : null;
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
    .$if(after !== null, (qb) => qb.where((eb) => eb.or([eb('at', '<', after!.at), eb.and([eb('at', '=', after!.at), eb('id', '<', after!.id)])])))
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = rows.length > input.limit ? page[page.length - 1] : null;
  return { data: page.map(toReceipt), nextCursor: last ? encodeCursor(last.at, last.id) : null };
}
