import type { FastifyInstance } from 'fastify';
import type { JobTables } from '../../src/platform/jobs/index.ts';
import type { Runtime } from '../../src/platform/runtime.ts';

export interface CreatedHeartbeat {
  id: string;
  /** Path of the uuid ping URL, e.g. `/ping/<uuid>`. */
  ping: string;
  /** Path of the Uptime Kuma push URL without its query. */
  push: string;
}

/** Creates a heartbeat monitor over the API and reads its ping URLs. */
export async function createHeartbeat(app: FastifyInstance, headers: Record<string, string>, settings: Record<string, unknown>, name = `hb-${Math.random().toString(36).slice(2)}`): Promise<CreatedHeartbeat> {
  const created = await app.inject({ method: 'POST', url: '/api/v1/monitors', headers, payload: { name, type: 'heartbeat', settings } });
  if (created.statusCode !== 201) throw new Error(`create answered ${created.statusCode}: ${created.body}`);
  const id = created.json().id as string;
  const hb = await app.inject({ method: 'GET', url: `/api/v1/heartbeats/${id}`, headers });
  if (hb.statusCode !== 200) throw new Error(`heartbeat answered ${hb.statusCode}: ${hb.body}`);
  return { id, ping: new URL(hb.json().pingUrl).pathname, push: new URL(hb.json().pushUrl).pathname };
}

export interface FlipJob {
  idempotencyKey: string;
  payload: { orgId: string; monitorId: string; flipId: string; from: string; to: string; at: number; reason: Record<string, unknown> | null };
}

/** The `monitor.flip` jobs enqueued for a monitor, oldest first. */
export async function flipJobs(runtime: Runtime, monitorId: string): Promise<FlipJob[]> {
  const rows = await runtime.db.withTables<JobTables>().selectFrom('jobs').select(['payload', 'idempotency_key']).where('kind', '=', 'monitor.flip').orderBy('created_at').orderBy('id').execute();
  return rows
    .map((r) => ({ idempotencyKey: r.idempotency_key ?? '', payload: JSON.parse(r.payload) as FlipJob['payload'] }))
    .filter((j) => j.payload.monitorId === monitorId)
    .toSorted((a, b) => a.payload.at - b.payload.at);
}
