import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import type { IntegrationDeps } from './deps.ts';
import { getIntegrationInOrg } from './get-integration.ts';
import type { IntegrationsTable } from './schema.ts';
import type { Integration, UpdateIntegrationInput } from './schemas.ts';
import { mergeSettings, openSettings, sealSettings } from './settings.ts';
import { integrationsDb, toIntegration } from './store.ts';

/** Changes name, labels or settings; the type and the hook token stay (rotate the token on its own). */
export async function updateIntegration({ ctx, id, input, deps }: { ctx: Ctx; id: string; input: UpdateIntegrationInput; deps: IntegrationDeps }): Promise<Integration> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    const before = await getIntegrationInOrg(tx, id);
    const changes: Partial<IntegrationsTable> = { updated_at: tx.clock.now() };
    if (input.settings !== undefined) {
      const type = deps.registry.get(before.type);
      const merged = mergeSettings(type, openSettings(before, deps.secrets), input.settings);
      Object.assign(changes, sealSettings(type, deps.registry.parseSettings(before.type, merged), deps.secrets));
    }
    if (input.name !== undefined) changes.name = input.name;
    if (input.labels !== undefined) changes.labels = JSON.stringify(input.labels);
    await integrationsDb(tx.db).updateTable('integrations').set(changes).where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    const after = toIntegration({ ...before, ...changes }, deps.secrets);
    await recordAudit(tx, { action: 'integration.update', subject: { type: 'integration', id }, data: { before: toIntegration(before, deps.secrets), after } });
    return after;
  });
}
