import { Cron } from 'croner';
import { WEEKDAYS, type MaintenanceSchedule, type MaintenanceSelector } from './schemas.ts';

/** A window as the engine and the pure functions below see it. */
export interface MaintenanceRule {
  id: string;
  orgId: string;
  name: string;
  selector: MaintenanceSelector;
  schedule: MaintenanceSchedule;
  active: boolean;
}

export interface MonitorRef {
  id: string;
  orgId: string;
  labels: Record<string, string>;
}

export interface Occurrence {
  start: number;
  end: number;
}

const MINUTE = 60_000;
const crons = new WeakMap<MaintenanceSchedule, Cron>();

/** Weekly schedules become a cron pattern, so croner does the calendar and time-zone math for both. */
function cronOf(schedule: Extract<MaintenanceSchedule, { kind: 'cron' | 'weekly' }>): Cron {
  let cron = crons.get(schedule);
  if (!cron) {
    const pattern =
      schedule.kind === 'cron'
        ? schedule.cron
        : `${Number(schedule.time.slice(3, 5))} ${Number(schedule.time.slice(0, 2))} * * ${[...new Set(schedule.days.map((d) => WEEKDAYS.indexOf(d)))].join(',')}`;
    cron = new Cron(pattern, { timezone: schedule.timezone, paused: true });
    crons.set(schedule, cron);
  }
  return cron;
}

/** The occurrence of the schedule in force at `now`, or null. Ends are exclusive. */
export function occurrenceAt(schedule: MaintenanceSchedule, now: number): Occurrence | null {
  if (schedule.kind === 'once') {
    const start = Date.parse(schedule.startsAt);
    const end = Date.parse(schedule.endsAt);
    return start <= now && now < end ? { start, end } : null;
  }
  const latest = cronOf(schedule).previousRuns(1, new Date(now + 1))[0];
  if (!latest) return null;
  const start = latest.getTime();
  const end = start + schedule.durationMinutes * MINUTE;
  return now < end ? { start, end } : null;
}

/** When the schedule next starts or stops being in force after `now`; Infinity when never. */
export function nextChange(schedule: MaintenanceSchedule, now: number): number {
  const current = occurrenceAt(schedule, now);
  if (current) return current.end;
  if (schedule.kind === 'once') {
    const start = Date.parse(schedule.startsAt);
    return start > now ? start : Infinity;
  }
  return cronOf(schedule).nextRun(new Date(now))?.getTime() ?? Infinity;
}

/** Listed by id, or carrying every label of the selector. */
export function selects(selector: MaintenanceSelector, monitor: MonitorRef): boolean {
  if (selector.monitorIds?.includes(monitor.id)) return true;
  const labels = Object.entries(selector.labels ?? {});
  return labels.length > 0 && labels.every(([k, v]) => monitor.labels[k] === v);
}

/** The window in force for the monitor at `now`, or null. */
export function activeMaintenance(windows: readonly MaintenanceRule[], monitor: MonitorRef, now: number): MaintenanceRule | null {
  return windows.find((w) => w.active && w.orgId === monitor.orgId && selects(w.selector, monitor) && occurrenceAt(w.schedule, now) !== null) ?? null;
}
