import { assertCan, type Ctx } from '../../platform/context.ts';
import { decodeCursor, keysetPage, keysetQuery } from '../../platform/db/index.ts';
import type { ChannelDeps } from './deps.ts';
import type { Channel, ListChannelsInput } from './schemas.ts';
import { notificationsDb, toChannel } from './store.ts';

/** Ordered by name. */
export async function listChannels({ ctx, input, deps }: { ctx: Ctx; input: ListChannelsInput; deps: ChannelDeps }): Promise<{ data: Channel[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const after = input.cursor ? decodeCursor<[string, string]>(input.cursor, ['string', 'string']) : null;
  const rows = await notificationsDb(ctx.db)
    .selectFrom('notification_channels')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .$if(!!input.type, (qb) => qb.where('type', '=', input.type!))
    .$call((qb) => keysetQuery(qb, { columns: ['name', 'id'], order: 'asc', after, limit: input.limit }))
    .execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (r) => [r.name, r.id]);
  const box = deps.secrets();
  return { data: page.map((r) => toChannel(r, deps.registry, box)), nextCursor };
}
