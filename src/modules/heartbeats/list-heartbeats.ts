import { assertCan, type Ctx } from '../../platform/context.ts';
import { listMonitors } from '../monitors/index.ts';
import { ensureHeartbeats } from './ensure-heartbeats.ts';
import { sourceOf } from './heartbeat-row.ts';
import { toHeartbeat } from './present.ts';
import type { Heartbeat, ListHeartbeatsInput } from './schemas.ts';
import { recentPings } from './store.ts';

const LAST_PINGS = 5;

/** Heartbeat monitors by name, each with its five last pings; runs are those among them. */
export async function listHeartbeats({ ctx, input, baseUrl }: { ctx: Ctx; input: ListHeartbeatsInput; baseUrl: string }): Promise<{ data: Heartbeat[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const page = await listMonitors({ ctx, input: { type: 'heartbeat', cursor: input.cursor, limit: input.limit } });
  const rows = await ensureHeartbeats(ctx.db, page.data.map((m) => sourceOf(m, ctx.orgId)), ctx.clock.now());
  const pings = await recentPings(ctx.db, ctx.orgId, page.data.map((m) => m.id), LAST_PINGS);
  const data = page.data.map((m) => {
    const own = pings.filter((p) => p.monitor_id === m.id);
    return toHeartbeat(m, rows.get(m.id)!, own, own, baseUrl);
  });
  return { data, nextCursor: page.nextCursor };
}
