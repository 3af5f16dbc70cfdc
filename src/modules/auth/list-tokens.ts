import { assertCan, type Ctx } from '../../platform/context.ts';
import type { ApiToken } from './schemas.ts';
import { authDb, toApiToken } from './store.ts';

export async function listApiTokens({ ctx }: { ctx: Ctx }): Promise<ApiToken[]> {
  assertCan(ctx, 'admin');
  const rows = await authDb(ctx.db).selectFrom('api_tokens').selectAll().where('org_id', '=', ctx.orgId).orderBy('created_at', 'desc').execute();
  return rows.map(toApiToken);
}
