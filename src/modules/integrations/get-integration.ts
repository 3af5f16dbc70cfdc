import { assertCan, type Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { IntegrationDeps } from './deps.ts';
import type { IntegrationsTable } from './schema.ts';
import type { Integration } from './schemas.ts';
import { findIntegrationRow, toIntegration } from './store.ts';

export async function getIntegrationInOrg(ctx: Ctx, id: string): Promise<IntegrationsTable> {
  const row = await findIntegrationRow(ctx.db, ctx.orgId, id);
  if (!row) throw new NotFoundError('Integration', 'INTEGRATION_NOT_FOUND');
  return row;
}

export async function getIntegration({ ctx, id, deps }: { ctx: Ctx; id: string; deps: IntegrationDeps }): Promise<Integration> {
  assertCan(ctx, 'read');
  return toIntegration(await getIntegrationInOrg(ctx, id), deps.secrets);
}
