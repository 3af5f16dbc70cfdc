import { assertCan, type Ctx } from '../../platform/context.ts';
import type { IntegrationDeps } from './deps.ts';
import type { Integration, ListIntegrationsInput } from './schemas.ts';
import { decodeCursor, encodeCursor, integrationsDb, toIntegration } from './store.ts';

/** Ordered by name. */
export async function listIntegrations({ ctx, input, deps }: { ctx: Ctx; input: ListIntegrationsInput; deps: IntegrationDeps }): Promise<{ data: Integration[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const after = input.cursor ? decodeCursor(input.cursor, 2) : null;
  const rows = await integrationsDb(ctx.db)
    .selectFrom('integrations')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .$if(!!input.type, (qb) => qb.where('type', '=', input.type!))
    .$if(after !== null, (qb) => qb.where((eb) => eb.or([eb('name', '>', after![0]), eb.and([eb('name', '=', after![0]), eb('id', '>', after![1])])])))
    .orderBy('name')
    .orderBy('id')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = rows.length > input.limit ? page[page.length - 1] : null;
  return { data: page.map((r) => toIntegration(r, deps.secrets)), nextCursor: last ? encodeCursor([last.name, last.id]) : null };
}
