import type { Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertMembers } from './members.ts';
import type { LayersTable } from './schema.ts';
import type { LayerInput, UpdateLayerInput } from './schedule-schemas.ts';

const HOURS = { daily: 24, weekly: 168 } as const;

/** Daily and weekly rotations have fixed lengths; a custom one names its hours. */
export function shiftHoursOf(rotation: LayersTable['rotation'], shiftHours: number | undefined, path: string): number {
  if (rotation === 'custom') {
    if (shiftHours === undefined) throw new ValidationError([{ path: `${path}shiftHours`, message: 'required for a custom rotation' }]);
    return shiftHours;
  }
  if (shiftHours !== undefined && shiftHours !== HOURS[rotation]) throw new ValidationError([{ path: `${path}shiftHours`, message: `a ${rotation} rotation has ${HOURS[rotation]}-hour shifts; use custom for others` }]);
  return HOURS[rotation];
}

export async function newLayerRow(ctx: Ctx, scheduleId: string, input: LayerInput, defaults: { timeZone: string; position: number }, path = ''): Promise<LayersTable> {
  await assertMembers(ctx, input.participants, `${path}participants`);
  const now = ctx.clock.now();
  return {
    id: newId(now),
    org_id: ctx.orgId,
    schedule_id: scheduleId,
    name: input.name,
    position: input.position ?? defaults.position,
    participants: JSON.stringify(input.participants),
    rotation: input.rotation,
    shift_hours: shiftHoursOf(input.rotation, input.shiftHours, path),
    handoff_time: input.handoffTime,
    time_zone: input.timeZone ?? defaults.timeZone,
    start_date: input.startDate,
    restrictions: JSON.stringify(input.restrictions),
    created_at: now,
    updated_at: now,
  };
}

/** The changed columns of a layer; a new rotation without hours keeps a custom length only if it stays custom. */
export async function layerChanges(ctx: Ctx, before: LayersTable, input: UpdateLayerInput): Promise<Partial<LayersTable>> {
  const changes: Partial<LayersTable> = { updated_at: ctx.clock.now() };
  if (input.participants !== undefined) {
    await assertMembers(ctx, input.participants, 'participants');
    changes.participants = JSON.stringify(input.participants);
  }
  if (input.rotation !== undefined || input.shiftHours !== undefined) {
    const rotation = input.rotation ?? before.rotation;
    const keep = rotation === 'custom' && before.rotation === 'custom' ? before.shift_hours : undefined;
    changes.rotation = rotation;
    changes.shift_hours = shiftHoursOf(rotation, input.shiftHours ?? keep, '');
  }
  if (input.name !== undefined) changes.name = input.name;
  if (input.handoffTime !== undefined) changes.handoff_time = input.handoffTime;
  if (input.timeZone !== undefined) changes.time_zone = input.timeZone;
  if (input.startDate !== undefined) changes.start_date = input.startDate;
  if (input.restrictions !== undefined) changes.restrictions = JSON.stringify(input.restrictions);
  if (input.position !== undefined) changes.position = input.position;
  return changes;
}
