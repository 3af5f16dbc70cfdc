import { createHash, randomBytes } from 'node:crypto';

/** 32 lowercase hex characters: the shape of a PagerDuty routing key, which some clients check. */
export function newHookToken(): { token: string; hash: string; prefix: string } {
  const token = randomBytes(16).toString('hex');
  return { token, hash: hashHookToken(token), prefix: token.slice(0, 6) };
}

export const hashHookToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const HOOK_TOKEN = /^[0-9a-f]{32}$/;

export const hookUrl = (baseUrl: string, token: string) => `${baseUrl.replace(/\/+$/, '')}/hooks/${token}`;
