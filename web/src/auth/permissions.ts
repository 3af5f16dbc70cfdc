import type { Role } from '../api/types.ts';

/** What a role may do; mirrors the server's grants (the API enforces them regardless). */
export type Permission = 'read' | 'respond' | 'write' | 'admin' | 'audit' | 'owner';

const GRANTS: Record<Role, Permission[]> = {
  owner: ['read', 'respond', 'write', 'admin', 'audit', 'owner'],
  admin: ['read', 'respond', 'write', 'admin', 'audit'],
  responder: ['read', 'respond'],
  viewer: ['read'],
  auditor: ['read', 'audit'],
};

export const roleCan = (role: Role | null | undefined, permission: Permission) => !!role && GRANTS[role].includes(permission);
