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

const VERSION = 1;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const uuidBytes = (id: string) => Buffer.from(id.replaceAll('-', ''), 'hex');
const uuidText = (b: Buffer) => b.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
// Truncated to 128 bits so the whole token fits in one URL path segment (Fastify's 100-character parameter limit).
const mac = (key: Buffer, orgId: string, body: string) => createHmac('sha256', key).update(`custos-incident-link.v1.${orgId}.${body}`).digest().subarray(0, 16);

/**
 * A compact token `<claims>.<HMAC>` in base64url: version, action, expiry (seconds), incident id
 * and optional user id as bytes. The claims are readable; only Custos can sign them.
 */
export async function signLink(ctx: Ctx, box: SecretBox, claims: LinkClaims): Promise<string> {
  if (!UUID.test(claims.incidentId) || (claims.userId !== null && !UUID.test(claims.userId))) throw new AppError('INCIDENT_LINK_INVALID', 'Links name incidents and users by their UUIDs');
  const head = Buffer.alloc(7);
  head[0] = VERSION;
  head[1] = LINK_ACTIONS.indexOf(claims.action);
  head.writeUIntBE(Math.floor(claims.expiresAt / 1000), 2, 5);
  const body = Buffer.concat([head, uuidBytes(claims.incidentId), ...(claims.userId ? [uuidBytes(claims.userId)] : [])]).toString('base64url');
  return `${body}.${mac(await linkKey(ctx, box), ctx.orgId, body).toString('base64url')}`;
}

const invalid = () => new AppError('INCIDENT_LINK_INVALID', 'This link is not valid: it was altered or cut short');

/** Reads a token's claims without trusting them (to find the incident, whose organization's key checks it). */
export function readLink(token: string): LinkClaims {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) throw invalid();
  const bytes = Buffer.from(body, 'base64url');
  if ((bytes.length !== 23 && bytes.length !== 39) || bytes[0] !== VERSION || !LINK_ACTIONS[bytes[1]] || bytes.toString('base64url') !== body) throw invalid();
  return {
    action: LINK_ACTIONS[bytes[1]],
    expiresAt: bytes.readUIntBE(2, 5) * 1000,
    incidentId: uuidText(bytes.subarray(7, 23)),
    userId: bytes.length === 39 ? uuidText(bytes.subarray(23, 39)) : null,
  };
}

/** Checks the signature in constant time, then the expiry; `ctx` must be the incident's organization. */
export async function verifyLink(ctx: Ctx, box: SecretBox, token: string, action: LinkAction): Promise<LinkClaims> {
  const claims = readLink(token);
  if (claims.action !== action) throw invalid();
  const [body, signature] = token.split('.');
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(await linkKey(ctx, box), ctx.orgId, body);
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
