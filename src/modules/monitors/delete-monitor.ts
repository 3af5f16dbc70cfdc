import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { getMonitorInOrg } from './get-monitor.ts';
import { monitorsDb, toMonitor } from './store.ts';

/** Deletes the monitor; its results, flips and gaps stay as evidence of what was monitored. */
export async function deleteMonitor({ ctx, id }: { ctx: Ctx; id: string }): Promise<void> {
  assertCan(ctx, 'write');
  await inTransaction(ctx, async (tx) => {
    const before = await getMonitorInOrg(tx, id);
    await monitorsDb(tx.db).deleteFrom('monitors').where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    await recordAudit(tx, { action: 'monitor.delete', subject: { type: 'monitor', id }, data: { before: toMonitor(before) } });
  });
}
