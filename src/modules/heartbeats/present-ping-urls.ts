import type { MonitorPresenter } from '../monitors/index.ts';
import { ensureHeartbeats } from './ensure-heartbeats.ts';
import { sourceOf } from './heartbeat-row.ts';

/** Gives every heartbeat monitor the API answers its `pingUrl` (creating its ping uuid on first read). */
export function pingUrlPresenter(): MonitorPresenter {
  return async (ctx, monitors, baseUrl) => {
    const rows = await ensureHeartbeats(ctx.db, monitors.map((m) => sourceOf(m, ctx.orgId)), ctx.clock.now());
    return new Map([...rows].map(([id, row]) => [id, { pingUrl: `${baseUrl}/ping/${row.ping_id}` }]));
  };
}
