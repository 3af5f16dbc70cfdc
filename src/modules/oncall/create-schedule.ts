import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertScheduleNameFree } from './get-schedule.ts';
import { newLayerRow } from './layer-row.ts';
import type { LayersTable, SchedulesTable } from './schema.ts';
import type { CreateScheduleInput, Schedule } from './schedule-schemas.ts';
import { isUniqueViolation, oncallDb, toSchedule } from './store.ts';

/** Layers given in order stack upwards: a later layer overrides an earlier one unless positions say otherwise. */
export async function createSchedule({ ctx, input }: { ctx: Ctx; input: CreateScheduleInput }): Promise<Schedule> {
  assertCan(ctx, 'write');
  const now = ctx.clock.now();
  const row: SchedulesTable = { id: newId(now), org_id: ctx.orgId, name: input.name, description: input.description ?? null, time_zone: input.timeZone, created_at: now, updated_at: now };
  const layers: LayersTable[] = [];
  for (const [i, layer] of input.layers.entries()) layers.push(await newLayerRow(ctx, row.id, layer, { timeZone: input.timeZone, position: i + 1 }, `layers.${i}.`));
  try {
    return await inTransaction(ctx, async (tx) => {
      await assertScheduleNameFree(tx, input.name);
      const q = oncallDb(tx.db);
      await q.insertInto('oncall_schedules').values(row).execute();
      if (layers.length > 0) await q.insertInto('oncall_layers').values(layers).execute();
      const schedule = toSchedule(row, [...layers].sort((a, b) => b.position - a.position));
      await recordAudit(tx, { action: 'schedule.create', subject: { type: 'schedule', id: row.id }, data: { after: schedule } });
      return schedule;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(`A schedule named "${input.name}" exists`, 'SCHEDULE_NAME_TAKEN');
    throw err;
  }
}
