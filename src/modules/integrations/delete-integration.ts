import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import type { IntegrationDeps } from './deps.ts';
import { getIntegrationInOrg } from './get-integration.ts';
import { integrationsDb, toIntegration } from './store.ts';

/** Deletes the integration: its URL stops working at once. Its deliveries stay as the record of what came in; its alerts stay as they are. */
export async function deleteIntegration({ ctx, id, deps }: { ctx: Ctx; id: string; deps: IntegrationDeps }): Promise<void> {
  assertCan(ctx, 'write');
  await inTransaction(ctx, async (tx) => {
    const before = await getIntegrationInOrg(tx, id);
    const q = integrationsDb(tx.db);
    await q.deleteFrom('integrations').where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    await q.deleteFrom('integration_alert_keys').where('integration_id', '=', id).where('org_id', '=', tx.orgId).execute();
    await recordAudit(tx, { action: 'integration.delete', subject: { type: 'integration', id }, data: { before: toIntegration(before, deps.secrets) } });
  });
}
