import { assertCan, type Ctx } from '../../platform/context.ts';
import { decodeCursor, keysetPage, keysetQuery } from '../../platform/db/index.ts';
import { getIntegrationInOrg } from './get-integration.ts';
import type { Delivery, ListDeliveriesInput } from './schemas.ts';
import { integrationsDb, toDelivery } from './store.ts';

/** The integration's deliveries, newest first. */
export async function listDeliveries({ ctx, id, input }: { ctx: Ctx; id: string; input: ListDeliveriesInput }): Promise<{ data: Delivery[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  await getIntegrationInOrg(ctx, id);
  const after = input.cursor ? decodeCursor<[string]>(input.cursor, ['string']) : null;
  const rows = await integrationsDb(ctx.db)
    .selectFrom('integration_deliveries')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('integration_id', '=', id)
    .$if(!!input.outcome, (qb) => qb.where('outcome', '=', input.outcome!))
    .$call((qb) => keysetQuery(qb, { columns: ['id'], order: 'desc', after, limit: input.limit }))
    .execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (r) => [r.id]);
  return { data: page.map(toDelivery), nextCursor };
}
