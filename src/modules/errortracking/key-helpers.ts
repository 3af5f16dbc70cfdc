import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import type { ErrorKeysTable } from './schema.ts';
import { errorsDb } from './store.ts';

export async function getKeyInProject(ctx: Ctx, projectId: string, keyId: string): Promise<ErrorKeysTable> {
  const row = await errorsDb(ctx.db)
    .selectFrom('error_keys')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('project_id', '=', projectId)
    .where('id', '=', keyId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('DSN key', 'PROJECT_KEY_NOT_FOUND');
  return row;
}

export function assertActive(row: ErrorKeysTable): void {
  if (row.status === 'revoked') throw new ConflictError('The DSN key is revoked', 'PROJECT_KEY_REVOKED', { keyId: row.id });
}

/** What the audit chain keeps of a key: never the public key itself. */
export const auditedKey = (row: ErrorKeysTable) => ({
  id: row.id,
  label: row.label,
  status: row.status,
  keyPrefix: row.public_key.slice(0, 6),
  rateLimitPerMinute: row.rate_limit_per_minute,
  expiresAt: row.expires_at,
});
