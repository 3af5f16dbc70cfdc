import type { Logger } from '../../../platform/logger.ts';
import { nextChange, occurrenceAt, selects, type MaintenanceRule, type MonitorRef } from '../maintenance/active.ts';
import { MaintenanceSchedule, MaintenanceSelector } from '../maintenance/schemas.ts';
import type { MaintenanceWindowsTable } from '../schema.ts';

/**
 * The maintenance windows the scheduler applies. Which windows are in force is computed per
 * window at its boundaries (one croner call each), never per monitor per check.
 */
export class MaintenanceTracker {
  readonly #logger: Logger;
  #byOrg = new Map<string, MaintenanceRule[]>();
  #byId = new Map<string, MaintenanceRule>();
  #signature = '';
  #active = new Map<string, MaintenanceRule>();
  #nextBoundary = Infinity;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  get empty(): boolean {
    return this.#byOrg.size === 0;
  }

  /** Takes the stored windows; returns true when they differ from the ones held. */
  load(rows: MaintenanceWindowsTable[], now: number): boolean {
    const signature = rows.map((r) => `${r.id}:${r.updated_at}`).join(',');
    if (signature === this.#signature) return false;
    this.#signature = signature;
    const byOrg = new Map<string, MaintenanceRule[]>();
    const byId = new Map<string, MaintenanceRule>();
    for (const row of rows) {
      const schedule = MaintenanceSchedule.safeParse(JSON.parse(row.schedule));
      const selector = MaintenanceSelector.safeParse(JSON.parse(row.selector));
      if (!schedule.success || !selector.success) {
        this.#logger.warn({ windowId: row.id }, 'skipping a maintenance window whose stored schedule or selector does not parse');
        continue;
      }
      const rule: MaintenanceRule = { id: row.id, orgId: row.org_id, name: row.name, selector: selector.data, schedule: schedule.data, active: Boolean(row.active) };
      byOrg.set(row.org_id, [...(byOrg.get(row.org_id) ?? []), rule]);
      byId.set(rule.id, rule);
    }
    this.#byOrg = byOrg;
    this.#byId = byId;
    this.refresh(now);
    return true;
  }

  byId(id: string): MaintenanceRule | null {
    return this.#byId.get(id) ?? null;
  }

  /** The windows that select the monitor, whether in force or not. */
  windowsFor(monitor: MonitorRef): MaintenanceRule[] {
    return (this.#byOrg.get(monitor.orgId) ?? []).filter((w) => w.active && selects(w.selector, monitor));
  }

  get nextBoundary(): number {
    return this.#nextBoundary;
  }

  /** True once a window started or ended since the last refresh. */
  due(now: number): boolean {
    return now >= this.#nextBoundary;
  }

  refresh(now: number): void {
    this.#active = new Map();
    let next = Infinity;
    for (const rules of this.#byOrg.values()) {
      for (const rule of rules) {
        if (!rule.active) continue;
        if (occurrenceAt(rule.schedule, now)) this.#active.set(rule.id, rule);
        next = Math.min(next, nextChange(rule.schedule, now));
      }
    }
    this.#nextBoundary = next;
  }

  /** The first of the given windows in force, or null. */
  inForce(windows: readonly MaintenanceRule[] | undefined): MaintenanceRule | null {
    if (!windows) return null;
    for (const w of windows) if (this.#active.has(w.id)) return w;
    return null;
  }
}
