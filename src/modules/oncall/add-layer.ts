import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { getScheduleInOrg } from './get-schedule.ts';
import { newLayerRow } from './layer-row.ts';
import type { Layer, LayerInput } from './schedule-schemas.ts';
import { layersOf, oncallDb, toLayer } from './store.ts';

/** Adds a layer on top of the schedule's others unless a position is given. */
export async function addLayer({ ctx, scheduleId, input }: { ctx: Ctx; scheduleId: string; input: LayerInput }): Promise<Layer> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    const schedule = await getScheduleInOrg(tx, scheduleId);
    const existing = await layersOf(tx.db, tx.orgId, [scheduleId]);
    const top = Math.max(0, ...existing.map((l) => l.position));
    const row = await newLayerRow(tx, scheduleId, input, { timeZone: schedule.time_zone, position: Math.min(top + 1, 1_000) });
    await oncallDb(tx.db).insertInto('oncall_layers').values(row).execute();
    const layer = toLayer(row);
    await recordAudit(tx, { action: 'layer.create', subject: { type: 'layer', id: row.id }, data: { scheduleId, after: layer } });
    return layer;
  });
}
