import type { Logger } from '../../../platform/logger.ts';
import { visibleState } from '../evaluate.ts';
import type { MaintenanceRule } from '../maintenance/active.ts';
import type { ProbeRegistry, ProbeResult } from '../probes/index.ts';
import type { MaintenanceWindowsTable, MonitorsTable } from '../schema.ts';
import { DueHeap } from './heap.ts';
import { MaintenanceTracker } from './maintenance-tracker.ts';
import { slotAfter, slotAtOrAfter, slotsBetween } from './phase.ts';
import type { CheckRecorder } from './recorder.ts';
import { applyConfig, toScheduled, type ScheduledMonitor } from './scheduled-monitor.ts';
import type { SecretBox } from '../../../platform/crypto/index.ts';

interface Entry {
  dueAt: number;
  gen: number;
  m: ScheduledMonitor;
}

const PROCESS_DOWN = 'no Custos process was running checks (stopped, crashed, or no process held the scheduler lease)';
const STILL_RUNNING = 'the previous check of this monitor was still queued or running';
const TOO_LATE = 'the check could not start within half its interval (Custos overloaded)';

/**
 * The in-memory schedule: every active monitor, a heap of due times, and the rules that turn
 * results, missed slots and maintenance boundaries into records. No I/O happens here.
 */
export class Schedule {
  readonly monitors = new Map<string, ScheduledMonitor>();
  /** Active rows the scheduler cannot run (unknown type, settings that no longer parse). */
  readonly skipped = new Set<string>();
  /** Ids of paused monitors, known so a changed row count can reveal a deletion. */
  paused = new Set<string>();
  readonly #heap = new DueHeap<Entry>();
  readonly #windowsOf = new Map<string, MaintenanceRule[]>();
  readonly #tracker: MaintenanceTracker;
  readonly #probes: ProbeRegistry;
  readonly #recorder: CheckRecorder;
  readonly #logger: Logger;
  readonly #secrets: (() => SecretBox) | undefined;
  /** Called when an entry earlier than any other may have been added (to re-arm a timer). */
  onScheduled: (dueAt: number) => void = () => {};

  constructor(options: { probes: ProbeRegistry; recorder: CheckRecorder; logger: Logger; secrets?: () => SecretBox }) {
    this.#probes = options.probes;
    this.#secrets = options.secrets;
    this.#recorder = options.recorder;
    this.#logger = options.logger;
    this.#tracker = new MaintenanceTracker(options.logger);
  }

  clear(): void {
    for (const m of this.monitors.values()) m.removed = true;
    this.monitors.clear();
    this.skipped.clear();
    this.#windowsOf.clear();
    this.#heap.clear();
  }

  /**
   * Loads the schedule at start or lease takeover (`reset`, then `load` per page). A monitor whose stored due time passed while no
   * process ran it gets a `process_down` gap for the slots it missed and resumes at its next slot.
   */
  reset(windows: MaintenanceWindowsTable[], now: number): void {
    this.clear();
    this.#tracker.load(windows, now);
  }

  /** Adds a page of stored monitors after `reset`; returns how many got a `process_down` gap. */
  load(rows: MonitorsTable[], now: number): number {
    let gaps = 0;
    for (const row of rows) {
      const m = this.#build(row);
      if (!m) continue;
      const stored = row.next_due_at === null ? null : Number(row.next_due_at);
      let due = stored === null ? now : Math.min(stored, now + m.intervalMs);
      let dirty = false;
      if (stored !== null && stored < now) {
        due = slotAtOrAfter(now, m.phase, m.intervalMs);
        const onGrid = (((stored - m.phase) % m.intervalMs) + m.intervalMs) % m.intervalMs === 0;
        this.#recorder.gap(m, 'process_down', stored, due, slotsBetween(stored, due, m.phase, m.intervalMs) + (onGrid ? 0 : 1), PROCESS_DOWN);
        gaps++;
        dirty = true;
      }
      this.#add(m);
      dirty = this.#applyMaintenance(m, now) || dirty;
      this.#schedule(m, due);
      if (dirty) this.#recorder.update(m);
    }
    return gaps;
  }

  /** Applies a row read by a sync: adds, reconfigures or drops the monitor. */
  applyRow(row: MonitorsTable, now: number): void {
    const existing = this.monitors.get(row.id);
    if (row.paused) {
      this.remove(row.id);
      return;
    }
    const next = this.#build(row);
    if (!next) {
      if (existing) this.#drop(existing);
      return;
    }
    if (!existing) {
      this.#add(next);
      const stored = row.next_due_at === null ? now : Number(row.next_due_at);
      if (this.#applyMaintenance(next, now)) this.#recorder.update(next);
      this.#schedule(next, Math.max(now, Math.min(stored, now + next.intervalMs)));
      return;
    }
    const rerun = existing.configKey !== next.configKey;
    const relabel = JSON.stringify(existing.labels) !== JSON.stringify(next.labels);
    applyConfig(existing, next);
    if (relabel) {
      this.#matchWindows(existing);
      if (this.#applyMaintenance(existing, now)) this.#recorder.update(existing);
    }
    if (rerun && !existing.busy) this.#schedule(existing, now);
  }

  remove(id: string): void {
    this.skipped.delete(id);
    const m = this.monitors.get(id);
    if (m) this.#drop(m);
  }

  /** Takes the stored maintenance windows; re-matches every monitor when they changed. */
  setWindows(rows: MaintenanceWindowsTable[], now: number): void {
    if (!this.#tracker.load(rows, now)) return;
    for (const m of this.monitors.values()) {
      this.#matchWindows(m);
      if (this.#applyMaintenance(m, now)) this.#recorder.update(m);
    }
  }

  /** Starts or ends maintenance for the monitors whose window crossed a boundary. */
  refreshMaintenance(now: number): void {
    if (!this.#tracker.due(now)) return;
    this.#tracker.refresh(now);
    for (const id of this.#windowsOf.keys()) {
      const m = this.monitors.get(id);
      if (m && this.#applyMaintenance(m, now)) this.#recorder.update(m);
    }
  }

  /** Removes and returns the monitors due at `now` that are not already queued or running. */
  takeDue(now: number, into: ScheduledMonitor[]): void {
    for (let top = this.#heap.peek(); top && top.dueAt <= now; top = this.#heap.peek()) {
      this.#heap.pop();
      const m = top.m;
      if (top.gen !== m.gen || m.removed || m.busy) continue;
      m.busy = true;
      into.push(m);
    }
  }

  /** The next time something is due: a check, or a maintenance window starting or ending. */
  nextDueAt(): number | null {
    let next = this.#tracker.nextBoundary;
    for (let top = this.#heap.peek(); top; top = this.#heap.peek()) {
      if (top.gen === top.m.gen && !top.m.removed && !top.m.busy) {
        next = Math.min(next, top.dueAt);
        break;
      }
      this.#heap.pop();
    }
    return Number.isFinite(next) ? next : null;
  }

  /** At dispatch: false (and an `overload` gap) when the check is more than half an interval late. */
  startable(m: ScheduledMonitor, now: number): boolean {
    if (m.removed) return false;
    if (now - m.dueAt <= m.intervalMs / 2) return true;
    m.busy = false;
    this.#scheduleNext(m, m.dueAt, now, true);
    this.#recorder.update(m);
    return false;
  }

  /** A check finished: evaluate, record, schedule the next one (sooner while a failure is unconfirmed). */
  completed(m: ScheduledMonitor, dueAt: number, startedAt: number, result: ProbeResult, now: number): void {
    m.busy = false;
    if (m.removed) return;
    const retrySoon = this.#recorder.result(m, result, startedAt);
    if (retrySoon) this.#schedule(m, now + m.retryMs);
    else this.#scheduleNext(m, dueAt, now, false);
    this.#recorder.update(m);
  }

  /** Custos could not perform the check: an `internal_error` gap, and the monitor's state stays as it was. */
  notPerformed(m: ScheduledMonitor, dueAt: number, detail: string, now: number): void {
    m.busy = false;
    if (m.removed) return;
    this.#scheduleNext(m, dueAt, now, false);
    this.#recorder.gap(m, 'internal_error', dueAt, m.dueAt, 1, detail);
    this.#recorder.update(m);
  }

  /** Dropped from the dispatch queue at shutdown: the stored due time stays, so the next start sees the gap. */
  abandoned(m: ScheduledMonitor): void {
    m.busy = false;
  }

  stateCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.monitors.values()) counts.set(m.state, (counts.get(m.state) ?? 0) + 1);
    return counts;
  }

  /**
   * The slot after `lastDue`, unless it is already more than half an interval late: then the slots
   * up to the first one still on time are an `overload` gap (including `lastDue` itself if skipped).
   */
  #scheduleNext(m: ScheduledMonitor, lastDue: number, now: number, skippedLast: boolean): void {
    let next = slotAfter(lastDue, m.phase, m.intervalMs);
    const resume = Math.max(next, slotAtOrAfter(now - m.intervalMs / 2, m.phase, m.intervalMs));
    const missed = slotsBetween(next, resume, m.phase, m.intervalMs) + (skippedLast ? 1 : 0);
    if (missed > 0) this.#recorder.gap(m, 'overload', skippedLast ? lastDue : next, resume, missed, skippedLast ? TOO_LATE : STILL_RUNNING);
    next = resume;
    this.#schedule(m, next);
  }

  #schedule(m: ScheduledMonitor, dueAt: number): void {
    m.dueAt = dueAt;
    m.gen++;
    this.#heap.push({ dueAt, gen: m.gen, m });
    this.onScheduled(dueAt);
  }

  #build(row: MonitorsTable): ScheduledMonitor | null {
    try {
      if (this.#probes.get(row.type).passive) {
        this.skipped.add(row.id);
        return null;
      }
      const m = toScheduled(row, this.#probes, this.#secrets);
      this.skipped.delete(row.id);
      return m;
    } catch (err) {
      if (!this.skipped.has(row.id)) this.#logger.warn({ monitorId: row.id, type: row.type, err }, 'not scheduling a monitor the engine cannot run');
      this.skipped.add(row.id);
      return null;
    }
  }

  #add(m: ScheduledMonitor): void {
    this.monitors.set(m.id, m);
    this.#matchWindows(m);
  }

  #drop(m: ScheduledMonitor): void {
    m.removed = true;
    this.monitors.delete(m.id);
    this.#windowsOf.delete(m.id);
  }

  #matchWindows(m: ScheduledMonitor): void {
    const windows = this.#tracker.empty ? [] : this.#tracker.windowsFor(m);
    if (windows.length > 0) this.#windowsOf.set(m.id, windows);
    else this.#windowsOf.delete(m.id);
  }

  /** Sets the window in force; records a flip when that changes what people see. Returns true on a change. */
  #applyMaintenance(m: ScheduledMonitor, now: number): boolean {
    const rule = this.#tracker.inForce(this.#windowsOf.get(m.id));
    const previous = m.maintenanceId;
    m.maintenanceId = rule?.id ?? null;
    const visible = visibleState(m.track.health, false, rule !== null);
    if (visible === m.state) return false;
    const window = rule ?? (previous === null ? null : this.#tracker.byId(previous));
    this.#recorder.state(m, visible, now, { cause: rule ? 'maintenance_started' : 'maintenance_ended', windowId: window?.id ?? previous, windowName: window?.name ?? null });
    return true;
  }
}
