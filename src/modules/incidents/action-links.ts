import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Ctx } from '../../platform/context.ts';
import type { SecretBox } from '../../platform/crypto/index.ts';
import { AppError } from '../../platform/errors.ts';
import { incidentsDb } from './store.ts';

export type LinkAction = 'ack' | 'resolve';
export const LINK_ACTIONS: readonly LinkAction[] = ['ack', 'resolve'];
export const DEFAULT_LINK_TTL_MS = 24 * 3_600_000;

/** What a signed link carries: the incident, the action, who it was issued to and until when it works. */
export interface LinkClaims {
  orgId: string;
  incidentId: string;
  action: LinkAction;
  userId: string | null;
  expiresAt: number;
}

/**
 * The organization's link key: 32 random bytes, sealed at rest with the instance secret key, made
 * on first use. Two processes making it at once keep the first one written.
 */
async function linkKey(ctx: Ctx, box: SecretBox): Promise<Buffer> {
  const q = incidentsDb(ctx.db);
  const read = () => q.selectFrom('incident_link_keys').select('sealed_key').where('org_id', '=', ctx.orgId).executeTakeFirst();
  let row = await read();
  if (!row) {
    const sealed = box.encrypt(randomBytes(32).toString('base64'));
    await q.insertInto('incident_link_keys').values({ org_id: ctx.orgId, sealed_key: sealed, created_at: ctx.clock.now() }).onConflict((oc) => oc.column('org_id').doNothing()).execute();
    row = (await read())!;
  }
  return Buffer.from(box.decrypt(row.sealed_key), 'base64');
}

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(`custos-incident-link.v1.${body}`).digest();

/** A token `<claims>.<HMAC-SHA256>`, both base64url: the claims are readable, only Custos can sign them. */
export async function signLink(ctx: Ctx, box: SecretBox, claims: Omit<LinkClaims, 'orgId'>): Promise<string> {
  const body = Buffer.from(JSON.stringify({ o: ctx.orgId, i: claims.incidentId, a: claims.action, u: claims.userId, e: claims.expiresAt })).toString('base64url');
  return `${body}.${mac(await linkKey(ctx, box), body).toString('base64url')}`;
}

const invalid = () => new AppError('INCIDENT_LINK_INVALID', 'This link is not valid: it was altered or cut short');

/** Reads a token's claims without trusting them (to find the organization whose key checks it). */
export function readLink(token: string): LinkClaims {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) throw invalid();
  try {
    const c = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (typeof c.o !== 'string' || typeof c.i !== 'string' || !LINK_ACTIONS.includes(c.a) || typeof c.e !== 'number' || (c.u !== null && typeof c.u !== 'string')) throw invalid();
    return { orgId: c.o, incidentId: c.i, action: c.a, userId: c.u, expiresAt: c.e };
  } catch {
    throw invalid();
  }
}

/** Checks the signature in constant time, then the expiry; `ctx` must be the token's organization. */
export async function verifyLink(ctx: Ctx, box: SecretBox, token: string, action: LinkAction): Promise<LinkClaims> {
  const claims = readLink(token);
  if (claims.orgId !== ctx.orgId || claims.action !== action) throw invalid();
  const [body, signature] = token.split('.');
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(await linkKey(ctx, box), body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  if (ctx.clock.now() >= claims.expiresAt) throw new AppError('INCIDENT_LINK_EXPIRED', 'This link has expired');
  return claims;
}

/** The absolute URL of a link when CUSTOS_PUBLIC_URL is set, else its path. */
export const linkUrl = (ctx: Ctx, action: LinkAction, token: string) => `${ctx.config.publicUrl?.replace(/\/$/, '') ?? ''}/i/${action}/${token}`;

/** Re-seals the organizations' link keys under the current instance key; returns how many changed. */
export async function rotateLinkKeys(db: Ctx['db'], box: SecretBox): Promise<number> {
  const q = incidentsDb(db);
  let changed = 0;
  for (const row of await q.selectFrom('incident_link_keys').selectAll().execute()) {
    const next = box.reencrypt(row.sealed_key);
    if (next === row.sealed_key) continue;
    await q.updateTable('incident_link_keys').set({ sealed_key: next }).where('org_id', '=', row.org_id).execute();
    changed++;
  }
  return changed;
}
