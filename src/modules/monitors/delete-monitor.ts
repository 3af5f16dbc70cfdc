import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { FLIP_JOB } from './engine/flush.ts';
import { getMonitorInOrg } from './get-monitor.ts';
import { monitorsDb, toMonitor } from './store.ts';

/**
 * Deletes the monitor; its results, flips and gaps stay as evidence of what was monitored. A last
 * `monitor.flip` to `deleted` lets the alerts module resolve the monitor's alert, if one fires.
 */
export async function deleteMonitor({ ctx, id }: { ctx: Ctx; id: string }): Promise<void> {
  assertCan(ctx, 'write');
  await inTransaction(ctx, async (tx) => {
    const before = await getMonitorInOrg(tx, id);
    await monitorsDb(tx.db).deleteFrom('monitors').where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    await recordAudit(tx, { action: 'monitor.delete', subject: { type: 'monitor', id }, data: { before: toMonitor(before) } });
    const now = tx.clock.now();
    await enqueueJob(tx.db, now, {
      kind: FLIP_JOB,
      orgId: tx.orgId,
      dueAt: now,
      idempotencyKey: `flip:deleted:${id}`,
      payload: { orgId: tx.orgId, monitorId: id, flipId: `deleted:${id}`, from: before.state, to: 'deleted', at: now, reason: null },
    });
  });
}
