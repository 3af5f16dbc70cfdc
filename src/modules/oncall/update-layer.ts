import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { getScheduleInOrg } from './get-schedule.ts';
import { layerChanges } from './layer-row.ts';
import type { LayersTable } from './schema.ts';
import type { Layer, UpdateLayerInput } from './schedule-schemas.ts';
import { oncallDb, toLayer } from './store.ts';

export async function getLayerInSchedule(ctx: Ctx, scheduleId: string, layerId: string): Promise<LayersTable> {
  await getScheduleInOrg(ctx, scheduleId);
  const row = await oncallDb(ctx.db).selectFrom('oncall_layers').selectAll().where('org_id', '=', ctx.orgId).where('schedule_id', '=', scheduleId).where('id', '=', layerId).executeTakeFirst();
  if (!row) throw new NotFoundError('Layer', 'LAYER_NOT_FOUND');
  return row;
}

export async function updateLayer({ ctx, scheduleId, layerId, input }: { ctx: Ctx; scheduleId: string; layerId: string; input: UpdateLayerInput }): Promise<Layer> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    const before = await getLayerInSchedule(tx, scheduleId, layerId);
    const changes = await layerChanges(tx, before, input);
    await oncallDb(tx.db).updateTable('oncall_layers').set(changes).where('org_id', '=', tx.orgId).where('id', '=', layerId).execute();
    const after = toLayer({ ...before, ...changes });
    await recordAudit(tx, { action: 'layer.update', subject: { type: 'layer', id: layerId }, data: { scheduleId, before: toLayer(before), after } });
    return after;
  });
}
