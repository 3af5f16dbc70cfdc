import type { Executor } from '../../platform/db/index.ts';
import type { FeedTokensTable, LayersTable, OncallTables, OverridesTable, SchedulesTable } from './schema.ts';
import type { FeedToken, Layer, Override, Restriction, Schedule } from './schedule-schemas.ts';
import type { LayerSpec, OverrideSpec } from './timeline/final-timeline.ts';

export const oncallDb = (db: Executor) => db.withTables<OncallTables>();

export const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function toLayer(row: LayersTable): Layer {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    participants: JSON.parse(row.participants),
    rotation: row.rotation,
    shiftHours: row.shift_hours,
    handoffTime: row.handoff_time,
    timeZone: row.time_zone,
    startDate: row.start_date,
    restrictions: JSON.parse(row.restrictions) as Restriction[],
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

export function toSchedule(row: SchedulesTable, layers: LayersTable[]): Schedule {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    timeZone: row.time_zone,
    layers: layers.map(toLayer),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

export function toOverride(row: OverridesTable): Override {
  return {
    id: row.id,
    scheduleId: row.schedule_id,
    userId: row.user_id,
    start: iso(row.start_at)!,
    end: iso(row.end_at)!,
    note: row.note,
    createdBy: row.created_by,
    createdAt: iso(row.created_at)!,
  };
}

export function toFeedToken(row: FeedTokensTable): FeedToken {
  return { id: row.id, kind: row.kind, targetId: row.target_id, prefix: row.prefix, createdBy: row.created_by, createdAt: iso(row.created_at)!, revokedAt: iso(row.revoked_at) };
}

export const layerSpec = (row: LayersTable): LayerSpec => ({
  id: row.id,
  position: row.position,
  participants: JSON.parse(row.participants),
  shiftHours: row.shift_hours,
  handoffTime: row.handoff_time,
  timeZone: row.time_zone,
  startDate: row.start_date,
  restrictions: JSON.parse(row.restrictions),
});

export const overrideSpec = (row: OverridesTable): OverrideSpec => ({ id: row.id, userId: row.user_id, start: Number(row.start_at), end: Number(row.end_at), createdAt: Number(row.created_at) });

export async function findScheduleRow(db: Executor, orgId: string, id: string): Promise<SchedulesTable | undefined> {
  return oncallDb(db).selectFrom('oncall_schedules').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function layersOf(db: Executor, orgId: string, scheduleIds: string[]): Promise<LayersTable[]> {
  if (scheduleIds.length === 0) return [];
  return oncallDb(db)
    .selectFrom('oncall_layers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('schedule_id', 'in', scheduleIds)
    .orderBy('position', 'desc')
    .orderBy('id')
    .execute();
}

/** Overrides of the schedules that overlap [from, to). */
export async function overridesOf(db: Executor, orgId: string, scheduleIds: string[], from: number, to: number): Promise<OverridesTable[]> {
  if (scheduleIds.length === 0) return [];
  return oncallDb(db)
    .selectFrom('oncall_overrides')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('schedule_id', 'in', scheduleIds)
    .where('end_at', '>', from)
    .where('start_at', '<', to)
    .orderBy('start_at')
    .orderBy('id')
    .execute();
}

/** Whether a unique-constraint violation caused `err` (both engines). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed/i.test(e?.message ?? '');
}
