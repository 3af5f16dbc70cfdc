import { assertCan, type Ctx } from '../../platform/context.ts';
import { decodeCursor, keysetPage, keysetQuery } from '../../platform/db/index.ts';
import type { IntegrationDeps } from './deps.ts';
import type { Integration, ListIntegrationsInput } from './schemas.ts';
import { integrationsDb, toIntegration } from './store.ts';

/** Ordered by name. */
export async function listIntegrations({ ctx, input, deps }: { ctx: Ctx; input: ListIntegrationsInput; deps: IntegrationDeps }): Promise<{ data: Integration[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const after = input.cursor ? decodeCursor<[string, string]>(input.cursor, ['string', 'string']) : null;
  const rows = await integrationsDb(ctx.db)
    .selectFrom('integrations')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .$if(!!input.type, (qb) => qb.where('type', '=', input.type!))
    .$call((qb) => keysetQuery(qb, { columns: ['name', 'id'], order: 'asc', after, limit: input.limit }))
    .execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (r) => [r.name, r.id]);
  return { data: page.map((r) => toIntegration(r, deps.secrets)), nextCursor };
}
