import type { Executor } from '../../../platform/db/index.ts';
import { ValidationError } from '../../../platform/errors.ts';
import type { MaintenanceWindowsTable } from '../schema.ts';
import { monitorsDb } from '../store.ts';
import { occurrenceAt } from './active.ts';
import type { MaintenanceSchedule, MaintenanceSelector, MaintenanceWindow } from './schemas.ts';

const iso = (ms: number) => new Date(Number(ms)).toISOString();

export function toWindow(row: MaintenanceWindowsTable, now: number): MaintenanceWindow {
  const schedule = JSON.parse(row.schedule) as MaintenanceSchedule;
  return {
    id: row.id,
    name: row.name,
    selector: JSON.parse(row.selector),
    schedule,
    active: Boolean(row.active),
    inForce: Boolean(row.active) && occurrenceAt(schedule, now) !== null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** One-off times are stored in UTC ISO form, whatever offset they arrived with. */
export function normalizeSchedule(schedule: MaintenanceSchedule): MaintenanceSchedule {
  if (schedule.kind !== 'once') return schedule;
  return { ...schedule, startsAt: new Date(schedule.startsAt).toISOString(), endsAt: new Date(schedule.endsAt).toISOString() };
}

export async function findWindowRow(db: Executor, orgId: string, id: string): Promise<MaintenanceWindowsTable | undefined> {
  return monitorsDb(db).selectFrom('maintenance_windows').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** Every listed monitor must exist in the organization; the issue names the position of each that does not. */
export async function assertMonitorsInOrg(db: Executor, orgId: string, selector: MaintenanceSelector): Promise<void> {
  const ids = selector.monitorIds ?? [];
  if (ids.length === 0) return;
  const found = new Set((await monitorsDb(db).selectFrom('monitors').select('id').where('org_id', '=', orgId).where('id', 'in', ids).execute()).map((r) => r.id));
  const issues = ids.flatMap((id, i) => (found.has(id) ? [] : [{ path: `selector.monitorIds.${i}`, message: 'no such monitor in this organization' }]));
  if (issues.length > 0) throw new ValidationError(issues);
}
