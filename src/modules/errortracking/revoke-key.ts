import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { assertActive, auditedKey, getKeyInProject } from './key-helpers.ts';
import { getProjectInOrg, type ProjectDeps } from './project-deps.ts';
import type { ProjectKey } from './schemas.ts';
import { errorsDb, toProjectKey } from './store.ts';

/** Ingest refuses the key from now on (within the ingest key cache's few seconds). */
export async function revokeKey({ ctx, projectId, keyId, deps }: { ctx: Ctx; projectId: string; keyId: string; deps: Pick<ProjectDeps, 'baseUrl'> }): Promise<ProjectKey> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    const project = await getProjectInOrg(tx, projectId);
    const before = await getKeyInProject(tx, project.id, keyId);
    assertActive(before);
    const now = tx.clock.now();
    const r = await errorsDb(tx.db)
      .updateTable('error_keys')
      .set({ status: 'revoked', revoked_at: now, updated_at: now })
      .where('id', '=', keyId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) assertActive({ ...before, status: 'revoked' });
    const after = { ...before, status: 'revoked' as const, revoked_at: now, updated_at: now };
    await recordAudit(tx, { action: 'project_key.revoke', subject: { type: 'project_key', id: keyId }, data: { projectId, before: auditedKey(before), after: auditedKey(after) } });
    return toProjectKey(after, deps.baseUrl, Number(project.number));
  });
}
