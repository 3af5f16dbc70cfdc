import { z } from 'zod';
import { ROLES } from '../../platform/context.ts';

export const RoleName = z.enum(ROLES);
export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and dashes, 2-63 characters');
export const Email = z.email().max(254).transform((e) => e.toLowerCase());
export const Password = z.string().min(12, 'at least 12 characters').max(1024);

export const Org = z.object({ id: z.string(), slug: z.string(), name: z.string(), role: RoleName.nullable(), createdAt: z.string(), updatedAt: z.string() });
export type Org = z.infer<typeof Org>;

export const CreateOrgInput = z.object({ slug: Slug, name: z.string().min(1).max(200) });
export type CreateOrgInput = z.infer<typeof CreateOrgInput>;

export const UpdateOrgInput = z.object({ name: z.string().min(1).max(200) });
export type UpdateOrgInput = z.infer<typeof UpdateOrgInput>;

export const Member = z.object({ userId: z.string(), email: z.string(), name: z.string(), role: RoleName, createdAt: z.string(), updatedAt: z.string() });
export type Member = z.infer<typeof Member>;

export const AddMemberInput = z.object({
  email: Email,
  role: RoleName,
  name: z.string().max(200).optional(),
  password: Password.optional().describe('required when the user does not exist yet'),
});
export type AddMemberInput = z.infer<typeof AddMemberInput>;

export const ChangeRoleInput = z.object({ role: RoleName });
export type ChangeRoleInput = z.infer<typeof ChangeRoleInput>;

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleName,
  prefix: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const CreateTokenInput = z.object({
  name: z.string().min(1).max(100),
  role: RoleName,
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateTokenInput = z.infer<typeof CreateTokenInput>;

export const CreatedToken = ApiToken.extend({ token: z.string().describe('shown once; store it now') });

export const LoginInput = z.object({ email: Email, password: z.string().min(1).max(1024), org: Slug.optional() });
export type LoginInput = z.infer<typeof LoginInput>;

export const Me = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
  token: z.object({ id: z.string(), name: z.string() }).nullable(),
  org: Org,
  role: RoleName,
  orgs: z.array(Org),
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const SetupInput = z.object({
  email: Email,
  password: Password,
  name: z.string().max(200).optional(),
  orgSlug: Slug,
  orgName: z.string().min(1).max(200),
});
export type SetupInput = z.infer<typeof SetupInput>;

export const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());
