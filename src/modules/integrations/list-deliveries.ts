import { assertCan, type Ctx } from '../../platform/context.ts';
import { getIntegrationInOrg } from './get-integration.ts';
import type { Delivery, ListDeliveriesInput } from './schemas.ts';
import { decodeCursor, encodeCursor, integrationsDb, toDelivery } from './store.ts';

/** The integration's deliveries, newest first. */
export async function listDeliveries({ ctx, id, input }: { ctx: Ctx; id: string; input: ListDeliveriesInput }): Promise<{ data: Delivery[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  await getIntegrationInOrg(ctx, id);
  const before = input.cursor ? decodeCursor(input.cursor, 1)[0] : null;
  const rows = await integrationsDb(ctx.db)
    .selectFrom('integration_deliveries')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('integration_id', '=', id)
    .$if(!!input.outcome, (qb) => qb.where('outcome', '=', input.outcome!))
    .$if(before !== null, (qb) => qb.where('id', '<', before!))
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = rows.length > input.limit ? page[page.length - 1] : null;
  return { data: page.map(toDelivery), nextCursor: last ? encodeCursor([last.id]) : null };
}
