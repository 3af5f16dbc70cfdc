import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { fieldIssues, ValidationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { IntegrationDeps } from './deps.ts';
import type { IntegrationsTable } from './schema.ts';
import { CreateIntegrationInput, type CreatedIntegration } from './schemas.ts';
import { sealSettings } from './settings.ts';
import { integrationsDb, toIntegration } from './store.ts';
import { hookUrl, newHookToken } from './token.ts';

/** Creates the integration and its hook token; the token and URL are in this answer only. */
export async function createIntegration({ ctx, input, deps, baseUrl }: { ctx: Ctx; input: CreateIntegrationInput; deps: IntegrationDeps; baseUrl: string }): Promise<CreatedIntegration> {
  assertCan(ctx, 'write');
  const parsed = CreateIntegrationInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues));
  const i = parsed.data;
  const type = deps.registry.get(i.type);
  const sealed = sealSettings(type, deps.registry.parseSettings(i.type, i.settings), deps.secrets);
  const { token, hash, prefix } = newHookToken();
  const now = ctx.clock.now();
  const row: IntegrationsTable = {
    id: newId(now),
    org_id: ctx.orgId,
    name: i.name,
    type: type.type,
    settings: sealed.settings,
    secrets: sealed.secrets,
    labels: JSON.stringify(i.labels),
    token_hash: hash,
    token_prefix: prefix,
    created_at: now,
    updated_at: now,
  };
  const integration = toIntegration(row, deps.secrets);
  await inTransaction(ctx, async (tx) => {
    await integrationsDb(tx.db).insertInto('integrations').values(row).execute();
    await recordAudit(tx, { action: 'integration.create', subject: { type: 'integration', id: row.id }, data: { after: integration } });
  });
  return { ...integration, token, url: hookUrl(baseUrl, token) };
}
