import type { CustosModule } from '../../platform/module.ts';
import { cliActor } from '../../platform/context.ts';
import { createAdmin } from './create-admin.ts';
import { authPlugin, servicesOf } from './http-auth.ts';
import { authRoutes } from './routes.ts';
import { authMigrations } from './schema.ts';

export { createAdmin, type CreateAdminInput, type CreatedAdmin } from './create-admin.ts';
export { createApiToken } from './create-token.ts';
export { listApiTokens } from './list-tokens.ts';
export { revokeApiToken } from './revoke-token.ts';
export { addMember } from './add-member.ts';
export { createOrganization } from './create-org.ts';
export { updateOrganization } from './update-org.ts';
export { listOrganizations } from './list-orgs.ts';
export { listMembers } from './list-members.ts';
export { changeMemberRole } from './change-member-role.ts';
export { removeMember } from './remove-member.ts';
export { login } from './login.ts';
export { authenticate, type Authenticated } from './authenticate.ts';
export { findOrgBySlug } from './store.ts';
export { allOrganizations } from './all-orgs.ts';
export { servicesOf } from './http-auth.ts';
export { hashPassword, verifyPassword } from './password.ts';
export * from './schemas.ts';
export { AUTH_ERRORS } from './errors.ts';

export const authModule: CustosModule = {
  name: 'auth',
  migrations: authMigrations,
  plugins: authPlugin,
  routes: authRoutes,
  async start(runtime) {
    const { adminEmail, adminPassword, adminOrg } = runtime.config;
    if (!adminEmail || !adminPassword) return;
    const result = await createAdmin({ services: servicesOf(runtime), actor: cliActor(), input: { email: adminEmail, password: adminPassword, orgSlug: adminOrg } });
    if (result.created.user || result.created.membership) runtime.logger.info({ email: adminEmail, org: adminOrg }, 'bootstrap owner created from CUSTOS_ADMIN_EMAIL');
  },
};
