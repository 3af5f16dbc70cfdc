import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { assertActive, auditedKey, getKeyInProject } from './key-helpers.ts';
import { getProjectInOrg, newPublicKey, type ProjectDeps } from './project-deps.ts';
import type { ErrorKeysTable } from './schema.ts';
import type { ProjectKey, RotateKeyInput } from './schemas.ts';
import { errorsDb, toProjectKey } from './store.ts';

/**
 * Issues a replacement key with the same label and rate limit. The old key keeps working for
 * `graceSeconds` (deployed apps switch over), then ingest refuses it; 0 refuses it at once.
 */
export async function rotateKey({ ctx, projectId, keyId, input, deps }: { ctx: Ctx; projectId: string; keyId: string; input: RotateKeyInput; deps: Pick<ProjectDeps, 'baseUrl'> }): Promise<ProjectKey> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    const project = await getProjectInOrg(tx, projectId);
    const old = await getKeyInProject(tx, project.id, keyId);
    assertActive(old);
    const now = tx.clock.now();
    const expiresAt = now + input.graceSeconds * 1000;
    const q = errorsDb(tx.db);
    const moved = await q
      .updateTable('error_keys')
      .set(input.graceSeconds === 0 ? { status: 'revoked', revoked_at: now, expires_at: now, updated_at: now } : { expires_at: expiresAt, updated_at: now })
      .where('id', '=', keyId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) assertActive({ ...old, status: 'revoked' });
    const fresh: ErrorKeysTable = {
      ...old,
      id: newId(now),
      public_key: newPublicKey(),
      status: 'active',
      expires_at: null,
      created_at: now,
      updated_at: now,
      revoked_at: null,
    };
    await q.insertInto('error_keys').values(fresh).execute();
    await recordAudit(tx, {
      action: 'project_key.rotate',
      subject: { type: 'project_key', id: keyId },
      data: { projectId, replacedBy: auditedKey(fresh), oldKeyValidUntil: new Date(input.graceSeconds === 0 ? now : expiresAt).toISOString() },
    });
    return toProjectKey(fresh, deps.baseUrl, Number(project.number));
  });
}
