import { gzipSync } from 'node:zlib';
import type { SecretBox } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { PermanentJobError, RetryLaterError } from '../../platform/jobs/index.ts';
import { errorsDb } from './store.ts';

export interface ForwardPayload {
  orgId: string;
  projectId: string;
  body: string;
}

const TIMEOUT_MS = 15_000;

/** The envelope endpoint and auth header of a DSN. */
export function endpointOf(dsn: string): { url: string; auth: string } {
  const url = new URL(dsn);
  const segments = url.pathname.split('/').filter(Boolean);
  const project = segments.pop();
  const prefix = segments.length ? `/${segments.join('/')}` : '';
  return {
    url: `${url.protocol}//${url.host}${prefix}/api/${project}/envelope/`,
    auth: `Sentry sentry_version=7, sentry_client=custos-forwarder/1.0, sentry_key=${decodeURIComponent(url.username)}`,
  };
}

/**
 * Sends one digested (already scrubbed) envelope to the project's forwarding DSN. A 429 or 5xx is
 * retried (after Retry-After when given); another 4xx cannot succeed later and fails the job.
 */
export async function forwardEnvelope({ db, secrets, payload, now }: { db: Db; secrets: () => SecretBox; payload: ForwardPayload; now: number }): Promise<void> {
  const project = await errorsDb(db).selectFrom('error_projects').select(['forward_dsn']).where('org_id', '=', payload.orgId).where('id', '=', payload.projectId).executeTakeFirst();
  if (!project?.forward_dsn) return;
  const { url, auth } = endpointOf(secrets().decrypt(project.forward_dsn));
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-sentry-envelope', 'content-encoding': 'gzip', 'x-sentry-auth': auth },
      body: gzipSync(payload.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.arrayBuffer();
  } catch (err) {
    throw new Error(`forwarding to ${new URL(url).host} failed: ${(err as Error).message}`, { cause: err });
  }
  if (res.ok) return;
  if (res.status === 429 || res.status >= 500) {
    const after = Number(res.headers.get('retry-after'));
    if (Number.isFinite(after) && after > 0) throw new RetryLaterError(`forwarding answered ${res.status}`, now + Math.min(after, 3600) * 1000);
    throw new Error(`forwarding answered ${res.status}`);
  }
  throw new PermanentJobError(`forwarding answered ${res.status}`);
}
