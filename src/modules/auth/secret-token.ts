import { createHash, randomBytes } from 'node:crypto';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Bearer tokens look like `cst_<43 chars>`; only their SHA-256 is stored. */
export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = `cst_${randomBytes(32).toString('base64url')}`;
  return { token, hash: sha256(token), prefix: token.slice(0, 10) };
}

export function newSessionToken(): { token: string; hash: string; csrf: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token), csrf: randomBytes(24).toString('base64url') };
}
