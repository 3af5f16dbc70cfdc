import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { assertActive, auditedKey, getKeyInProject } from './key-helpers.ts';
import { getProjectInOrg, type ProjectDeps } from './project-deps.ts';
import type { ErrorKeysTable } from './schema.ts';
import type { ProjectKey, UpdateKeyInput } from './schemas.ts';
import { errorsDb, toProjectKey } from './store.ts';

/** Renames a key or changes its rate limit. */
export async function updateKey({ ctx, projectId, keyId, input, deps }: { ctx: Ctx; projectId: string; keyId: string; input: UpdateKeyInput; deps: Pick<ProjectDeps, 'baseUrl'> }): Promise<ProjectKey> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    const project = await getProjectInOrg(tx, projectId);
    const before = await getKeyInProject(tx, project.id, keyId);
    assertActive(before);
    const changes: Partial<ErrorKeysTable> = { updated_at: tx.clock.now() };
    if (input.label !== undefined) changes.label = input.label;
    if (input.rateLimitPerMinute !== undefined) changes.rate_limit_per_minute = input.rateLimitPerMinute;
    await errorsDb(tx.db).updateTable('error_keys').set(changes).where('id', '=', keyId).execute();
    const after = { ...before, ...changes };
    await recordAudit(tx, { action: 'project_key.update', subject: { type: 'project_key', id: keyId }, data: { projectId, before: auditedKey(before), after: auditedKey(after) } });
    return toProjectKey(after, deps.baseUrl, Number(project.number));
  });
}
