import type { Ctx } from '../../platform/context.ts';
import { AppError, NotFoundError } from '../../platform/errors.ts';
import { authDb, findOrgBySlug, membershipRole } from './store.ts';

/** Moves a browser session to another organization the user belongs to. */
export async function switchOrganization({ ctx, sessionId, userId, slug }: { ctx: Ctx; sessionId: string | null; userId: string | null; slug: string }) {
  if (!sessionId || !userId) throw new AppError('BAD_REQUEST', 'Only a browser session can switch organization; an API token belongs to one');
  const org = await findOrgBySlug(ctx.db, slug);
  const role = org ? await membershipRole(ctx.db, org.id, userId) : null;
  if (!org || !role) throw new NotFoundError(`Organization ${slug}`, 'ORG_NOT_FOUND');
  await authDb(ctx.db).updateTable('sessions').set({ org_id: org.id, last_seen_at: ctx.clock.now() }).where('id', '=', sessionId).execute();
  return { orgId: org.id, role };
}
