import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { auditedKey } from './key-helpers.ts';
import { getProjectInOrg, newPublicKey, type ProjectDeps } from './project-deps.ts';
import type { ErrorKeysTable } from './schema.ts';
import type { CreateKeyInput, ProjectKey } from './schemas.ts';
import { errorsDb, toProjectKey } from './store.ts';

export async function createKey({ ctx, projectId, input, deps }: { ctx: Ctx; projectId: string; input: CreateKeyInput; deps: Pick<ProjectDeps, 'baseUrl'> }): Promise<ProjectKey> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    const project = await getProjectInOrg(tx, projectId);
    const now = tx.clock.now();
    const row: ErrorKeysTable = {
      id: newId(now),
      org_id: tx.orgId,
      project_id: project.id,
      public_key: newPublicKey(),
      label: input.label,
      status: 'active',
      rate_limit_per_minute: input.rateLimitPerMinute ?? null,
      expires_at: null,
      created_at: now,
      updated_at: now,
      revoked_at: null,
    };
    await errorsDb(tx.db).insertInto('error_keys').values(row).execute();
    await recordAudit(tx, { action: 'project_key.create', subject: { type: 'project_key', id: row.id }, data: { projectId: project.id, after: auditedKey(row) } });
    return toProjectKey(row, deps.baseUrl, Number(project.number));
  });
}
