import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { getMonitorInOrg } from './get-monitor.ts';
import type { MonitorState } from './schema.ts';
import type { Monitor } from './schemas.ts';
import { monitorsDb, toMonitor } from './store.ts';

/**
 * Pauses or resumes checking. A pause is a state change like any other: it is recorded as a flip,
 * so uptime reports show the paused time as such rather than as uptime.
 */
export async function setMonitorPaused({ ctx, id, paused }: { ctx: Ctx; id: string; paused: boolean }): Promise<Monitor> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    const before = await getMonitorInOrg(tx, id);
    if (Boolean(before.paused) === paused) return toMonitor(before);
    const now = tx.clock.now();
    const state: MonitorState = paused ? 'paused' : before.health_state;
    const changes = { paused: paused ? 1 : 0, state, state_since: now, next_due_at: paused ? null : now, updated_at: now };
    const q = monitorsDb(tx.db);
    await q.updateTable('monitors').set(changes).where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    await q
      .insertInto('monitor_flips')
      .values({ id: newId(now), org_id: tx.orgId, monitor_id: id, at: now, from_state: before.state, to_state: state, reason: JSON.stringify({ cause: paused ? 'paused' : 'resumed', actor: tx.actor.display }) })
      .execute();
    await recordAudit(tx, { action: paused ? 'monitor.pause' : 'monitor.resume', subject: { type: 'monitor', id }, data: { name: before.name } });
    return toMonitor({ ...before, ...changes });
  });
}
