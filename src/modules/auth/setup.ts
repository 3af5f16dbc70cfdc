import { sql } from '../../platform/db/index.ts';
import type { Services } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import { createAdminIn, type CreatedAdmin } from './create-admin.ts';
import { hashPassword } from './password.ts';
import type { SetupInput } from './schemas.ts';
import { authDb } from './store.ts';

export async function isSetupNeeded(services: Services): Promise<boolean> {
  const row = await authDb(services.db).selectFrom('users').select('id').limit(1).executeTakeFirst();
  return !row;
}

/** First run: creates the first user as owner of the first organization, once. */
export async function completeSetup({ services, input }: { services: Services; input: SetupInput }): Promise<CreatedAdmin> {
  if (!(await isSetupNeeded(services))) throw new ConflictError('Setup is already complete; log in instead', 'SETUP_DONE');
  const passwordHash = await hashPassword(input.password);
  return services.db.transaction().execute(async (trx) => {
    if (services.dialect === 'postgres') await sql`select pg_advisory_xact_lock(7240531)`.execute(trx);
    const existing = await authDb(trx).selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (existing) throw new ConflictError('Setup is already complete; log in instead', 'SETUP_DONE');
    const actor = { type: 'user' as const, id: input.email, display: input.email };
    return createAdminIn(services, trx, actor, { email: input.email, password: input.password, name: input.name, orgSlug: input.orgSlug, orgName: input.orgName }, passwordHash);
  });
}
