import type { Config } from '../config/index.ts';
import type { Clock } from './clock.ts';
import type { SecretBox } from './crypto/index.ts';
import type { Db, Dialect, Executor } from './db/index.ts';
import { ForbiddenError } from './errors.ts';
import type { Logger } from './logger.ts';

export type ActorType = 'user' | 'apiToken' | 'system' | 'cli' | 'webhook' | 'probe' | 'link';

/** Who performs a mutation; every audit event names one. */
export interface Actor {
  type: ActorType;
  id: string;
  display: string;
}

export const ROLES = ['owner', 'admin', 'responder', 'viewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a role may do. `read`: see configuration and state; `respond`: acknowledge, resolve,
 * comment, run checks; `write`: change configuration; `admin`: members, tokens, org settings;
 * `audit`: read the audit log and evidence; `owner`: grant ownership, delete the organization.
 */
export type Permission = 'read' | 'respond' | 'write' | 'admin' | 'audit' | 'owner';

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(['read', 'respond', 'write', 'admin', 'audit', 'owner']),
  admin: new Set(['read', 'respond', 'write', 'admin', 'audit']),
  responder: new Set(['read', 'respond']),
  viewer: new Set(['read']),
  auditor: new Set(['read', 'audit']),
};

export function roleCan(role: Role | null, permission: Permission): boolean {
  return role !== null && GRANTS[role].has(permission);
}

/** The deps every verb needs from the process. */
export interface Services {
  config: Config;
  db: Db;
  dialect: Dialect;
  clock: Clock;
  logger: Logger;
  /** Encrypts and decrypts secrets at rest (the runtime's key, loaded on first use). */
  secrets?: () => SecretBox;
}

/**
 * A verb's context: who acts, in which organization, through which handle (the root
 * database or an open transaction). Verbs take `{ ctx, input }`.
 */
export interface Ctx extends Omit<Services, 'db'> {
  db: Executor;
  orgId: string;
  actor: Actor;
  role: Role | null;
  requestId: string;
}

export function assertCan(ctx: Ctx, permission: Permission): void {
  if (!roleCan(ctx.role, permission)) {
    throw new ForbiddenError(`The ${ctx.role ?? 'anonymous'} role may not ${permission === 'read' ? 'read this' : `perform ${permission} actions`}`);
  }
}

/** Runs `fn` in a transaction (or the one already open) with a context bound to it. */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return (ctx.db as Db).transaction().execute((trx) => fn({ ...ctx, db: trx }));
}

export function systemActor(display = 'Custos'): Actor {
  return { type: 'system', id: 'system', display };
}

export function cliActor(): Actor {
  return { type: 'cli', id: 'cli', display: 'custos CLI' };
}

/** A context for background work and CLI commands, acting with full rights in one organization. */
export function serviceCtx(services: Services, orgId: string, actor: Actor = systemActor(), role: Role = 'owner'): Ctx {
  return { ...services, orgId, actor, role, requestId: `${actor.type}-${Date.now().toString(36)}` };
}

/** What a route requires: nothing (`public`) or an authenticated caller holding a permission. */
export type Policy = 'public' | Permission;
