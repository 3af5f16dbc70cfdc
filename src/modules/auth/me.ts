import type { Ctx } from '../../platform/context.ts';
import type { Me } from './schemas.ts';
import { authDb, orgsOfUser, toOrg } from './store.ts';
import type { Authenticated } from './authenticate.ts';

export async function describeMe({ ctx, auth }: { ctx: Ctx; auth: Authenticated }): Promise<Me> {
  const q = authDb(ctx.db);
  const orgRow = await q.selectFrom('orgs').selectAll().where('id', '=', ctx.orgId).executeTakeFirstOrThrow();
  const org = toOrg(orgRow, ctx.role);
  if (auth.userId) {
    const user = await q.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', auth.userId).executeTakeFirstOrThrow();
    const orgs = (await orgsOfUser(ctx.db, auth.userId)).map((o) => toOrg(o, o.role));
    return { user, token: null, org, role: ctx.role!, orgs, csrfToken: auth.csrfToken };
  }
  const token = await q.selectFrom('api_tokens').select(['id', 'name']).where('id', '=', auth.tokenId!).executeTakeFirstOrThrow();
  return { user: null, token, org, role: ctx.role!, orgs: [org], csrfToken: null };
}
