import { assertCan, type Ctx } from '../../platform/context.ts';
import { AppError, NotFoundError } from '../../platform/errors.ts';
import { getMonitor, type Monitor } from '../monitors/index.ts';
import { ensureHeartbeats } from './ensure-heartbeats.ts';
import { sourceOf } from './heartbeat-row.ts';
import { toHeartbeat } from './present.ts';
import type { Heartbeat } from './schemas.ts';
import { recentPings, recentRuns } from './store.ts';

const LAST_PINGS = 50;
const LAST_RUNS = 20;

async function heartbeatMonitor(ctx: Ctx, id: string): Promise<Monitor> {
  try {
    const monitor = await getMonitor({ ctx, id });
    if (monitor.type === 'heartbeat') return monitor;
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'MONITOR_NOT_FOUND')) throw err;
  }
  throw new NotFoundError('Heartbeat', 'HEARTBEAT_NOT_FOUND');
}

/** One heartbeat monitor with its URLs, schedule, last pings and runs; gives it its ping uuid on first read. */
export async function getHeartbeat({ ctx, monitorId, baseUrl }: { ctx: Ctx; monitorId: string; baseUrl: string }): Promise<Heartbeat> {
  assertCan(ctx, 'read');
  const monitor = await heartbeatMonitor(ctx, monitorId);
  const rows = await ensureHeartbeats(ctx.db, [sourceOf(monitor, ctx.orgId)], ctx.clock.now());
  const pings = await recentPings(ctx.db, ctx.orgId, [monitor.id], LAST_PINGS);
  const runs = await recentRuns(ctx.db, ctx.orgId, monitor.id, LAST_RUNS);
  return toHeartbeat(monitor, rows.get(monitor.id)!, pings, runs, baseUrl);
}
