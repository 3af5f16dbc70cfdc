import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { oncallDb, toLayer } from './store.ts';
import { getLayerInSchedule } from './update-layer.ts';

export async function deleteLayer({ ctx, scheduleId, layerId }: { ctx: Ctx; scheduleId: string; layerId: string }): Promise<void> {
  assertCan(ctx, 'write');
  await inTransaction(ctx, async (tx) => {
    const before = await getLayerInSchedule(tx, scheduleId, layerId);
    await oncallDb(tx.db).deleteFrom('oncall_layers').where('org_id', '=', tx.orgId).where('id', '=', layerId).execute();
    await recordAudit(tx, { action: 'layer.delete', subject: { type: 'layer', id: layerId }, data: { scheduleId, before: toLayer(before) } });
  });
}
