import type { Bus } from '../../../platform/bus.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Db, Executor } from '../../../platform/db/index.ts';
import { newId } from '../../../platform/ids.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { Metrics } from '../../../platform/metrics.ts';
import { MONITORS_CHANGED } from '../create-monitor.ts';
import { ProbeInternalError, type ProbeRegistry } from '../probes/index.ts';
import { Dispatcher, type DispatchLimits } from './dispatcher.ts';
import { SchedulerLease } from './lease.ts';
import { engineMetrics, type EngineMetrics } from './metrics.ts';
import { CheckRecorder } from './recorder.ts';
import { ResultWriter, type FlushSummary } from './result-writer.ts';
import { Schedule } from './schedule.ts';
import type { ScheduledMonitor } from './scheduled-monitor.ts';
import { loadSchedule, syncSchedule } from './sync.ts';
import type { SecretBox } from '../../../platform/crypto/index.ts';

export interface MonitorSchedulerOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  bus: Bus;
  probes: ProbeRegistry;
  /** Opens monitor credentials (the runtime's secret box). */
  secrets?: () => SecretBox;
  limits?: Partial<DispatchLimits>;
  leaseTtlMs?: number;
  syncMs?: number;
  flushMs?: number;
  /** Flush as soon as this many results wait. */
  maxBatch?: number;
  /** Test hook run inside each flush transaction after its writes; throwing rolls that flush back. */
  onFlush?: (tx: Executor) => Promise<void> | void;
}

/** Rows changed within this margin before the last sync are read again: clocks of API processes differ a little. */
const SYNC_OVERLAP_MS = 5_000;
const TICK_MS = 10;
const HUNG_GRACE_MS = 5_000;

/** One check in flight. */
interface Run {
  m: ScheduledMonitor;
  dueAt: number;
  startedAt: number;
  /** Clock time after which the probe counts as hung. */
  deadline: number;
  abandoned: boolean;
}

/**
 * One scheduler per deployment, elected by the `monitors` lease. While it holds the lease it keeps
 * every active monitor in memory, dispatches checks on time under global and per-host limits, and
 * hands results to a batching writer. The dispatch loop never awaits network or database I/O.
 * Tests drive it with `activate()`, `tick()`/`runDue()` and `flush()` against a ManualClock.
 */
export class MonitorScheduler {
  readonly #o: MonitorSchedulerOptions;
  readonly #metrics: EngineMetrics;
  readonly #writer: ResultWriter;
  readonly #schedule: Schedule;
  readonly #dispatcher: Dispatcher<ScheduledMonitor>;
  readonly #lease: SchedulerLease;
  readonly #running = new Map<Run, Promise<void>>();
  #abort = new AbortController();
  #active = false;
  #stopping = false;
  #lastSyncAt = 0;
  #syncing: Promise<void> | null = null;
  #activating: Promise<boolean> | null = null;
  #syncAgain = false;
  #timers: NodeJS.Timeout[] = [];
  #tickTimer: NodeJS.Timeout | undefined;
  #tickAt = Infinity;
  #hungCheckAt = 0;
  #unsubscribe: (() => void) | null = null;
  readonly #due: ScheduledMonitor[] = [];
  readonly #now: () => number;

  constructor(options: MonitorSchedulerOptions) {
    this.#o = options;
    this.#now = () => options.clock.now();
    this.#metrics = engineMetrics(options.metrics.registry);
    const observe = (seconds: number) => this.#metrics.flushDuration.observe(seconds);
    this.#writer = new ResultWriter({ db: options.db, clock: options.clock, logger: options.logger, bus: options.bus, maxBatch: options.maxBatch, onFlush: options.onFlush, observe });
    this.#schedule = new Schedule({ probes: options.probes, recorder: new CheckRecorder(this.#writer, this.#metrics), logger: options.logger, secrets: options.secrets });
    this.#dispatcher = new Dispatcher({ global: 512, perHost: 16, ...options.limits }, (m) => this.#start(m));
    this.#lease = new SchedulerLease(options.db, { name: 'monitors', owner: `scheduler-${newId()}`, ttlMs: options.leaseTtlMs ?? 15_000 });
  }

  get active(): boolean {
    return this.#active;
  }

  get size(): number {
    return this.#schedule.monitors.size;
  }

  get inFlight(): number {
    return this.#dispatcher.inFlight;
  }

  /** Takes the lease and loads the schedule; false when another process holds the lease. */
  activate(): Promise<boolean> {
    this.#activating ??= this.#activate().finally(() => (this.#activating = null));
    return this.#activating;
  }

  async #activate(): Promise<boolean> {
    const now = this.#o.clock.now();
    if (!(await this.#lease.acquire(now))) return false;
    if (this.#active) return true;
    const started = performance.now();
    const gaps = await loadSchedule(this.#o.db, this.#schedule, now);
    this.#lastSyncAt = now;
    this.#active = true;
    Object.assign(this.#metrics.source, { counts: () => this.#counts(), inFlight: () => this.#dispatcher.inFlight, waiting: () => this.#dispatcher.queued });
    const seconds = (performance.now() - started) / 1000;
    this.#metrics.scheduleLoad.set(seconds);
    this.#o.logger.info({ monitors: this.size, processDownGaps: gaps, loadMs: Math.round(seconds * 1000) }, 'schedule loaded');
    return true;
  }

  /** Dispatches every check due now. Returns how many were handed to the dispatcher. */
  tick(): number {
    if (!this.#active || this.#stopping) return 0;
    const now = this.#o.clock.now();
    this.#schedule.refreshMaintenance(now);
    this.#abandonHung(now);
    this.#schedule.takeDue(now, this.#due);
    const n = this.#due.length;
    for (const m of this.#due) this.#dispatcher.submit(m);
    this.#due.length = 0;
    if (this.#writer.full) this.#writer.flushIfDue();
    return n;
  }

  /** `tick()`, then waits for the checks it started (and any they unblocked) to finish. */
  async runDue(): Promise<number> {
    const n = this.tick();
    while (this.#running.size > 0) await Promise.allSettled(this.#running.values());
    return n;
  }

  nextDueAt(): number | null {
    return this.#schedule.nextDueAt();
  }

  flush(): Promise<FlushSummary> {
    return this.#writer.flush();
  }

  /** Reads configuration changes (and deletions) since the last sync. */
  sync(): Promise<void> {
    if (this.#syncing) {
      this.#syncAgain = true;
      return this.#syncing;
    }
    this.#syncing = (async () => {
      do {
        this.#syncAgain = false;
        await this.#syncOnce();
      } while (this.#syncAgain);
    })().finally(() => (this.#syncing = null));
    return this.#syncing;
  }

  async #syncOnce(): Promise<void> {
    if (!this.#active) return;
    const now = this.#o.clock.now();
    await syncSchedule(this.#o.db, this.#schedule, this.#lastSyncAt - SYNC_OVERLAP_MS, now);
    this.#lastSyncAt = now;
  }

  #start(m: ScheduledMonitor): boolean {
    const now = this.#o.clock.now();
    if (this.#stopping || !this.#schedule.startable(m, now)) return false;
    this.#metrics.lateness.observe((now - m.dueAt) / 1000);
    const run: Run = { m, dueAt: m.dueAt, startedAt: now, deadline: now + m.timeoutMs + HUNG_GRACE_MS, abandoned: false };
    const done = this.#check(run).finally(() => {
      if (run.abandoned) return;
      this.#running.delete(run);
      this.#dispatcher.done(m);
    });
    this.#running.set(run, done);
    return true;
  }

  async #check(run: Run): Promise<void> {
    const { clock } = this.#o;
    const { m, dueAt } = run;
    const t0 = performance.now();
    try {
      const result = await m.probe.check(m.settings, { signal: this.#abort.signal, timeoutMs: m.timeoutMs, now: this.#now });
      if (run.abandoned) return;
      this.#metrics.duration.observe({ type: m.type }, (performance.now() - t0) / 1000);
      this.#metrics.checks.inc({ outcome: result.outcome });
      this.#schedule.completed(m, dueAt, run.startedAt, result, clock.now());
    } catch (err) {
      if (run.abandoned) return;
      // A probe throws only when Custos itself could not check; a bug in a probe is no verdict on the target either.
      this.#metrics.checks.inc({ outcome: 'error' });
      const detail = err instanceof ProbeInternalError ? `${err.code}: ${err.message}` : `PROBE_BUG: ${err instanceof Error ? err.message : String(err)}`;
      if (!(err instanceof ProbeInternalError)) this.#o.logger.error({ err, monitorId: m.id }, 'probe threw');
      this.#schedule.notPerformed(m, dueAt, detail, clock.now());
    }
  }

  /** A probe that outlives its timeout by HUNG_GRACE_MS gives its slot back and counts as not performed. */
  #abandonHung(now: number): void {
    if (now < this.#hungCheckAt) return;
    this.#hungCheckAt = now + 1_000;
    for (const run of this.#running.keys()) {
      if (now < run.deadline) continue;
      run.abandoned = true;
      this.#running.delete(run);
      this.#dispatcher.done(run.m);
      this.#metrics.checks.inc({ outcome: 'error' });
      this.#o.logger.error({ monitorId: run.m.id, type: run.m.type }, 'probe ignored its timeout; abandoning the check');
      this.#schedule.notPerformed(run.m, run.dueAt, `PROBE_HUNG: no answer from the probe ${run.m.timeoutMs + HUNG_GRACE_MS} ms after it started`, now);
    }
  }

  #counts(): Map<string, number> {
    const counts = this.#schedule.stateCounts();
    counts.set('paused', this.#schedule.paused.size);
    return counts;
  }

  /** Runs in real time: lease renewal (or standby), sync, flush and dispatch timers. Never throws. */
  async start(): Promise<void> {
    this.#stopping = false;
    const { logger, clock } = this.#o;
    const every = (ms: number, fn: () => void) => this.#timers.push(setInterval(fn, ms).unref());
    const claim = async () => {
      try {
        if (this.#active) {
          if (!(await this.#lease.acquire(clock.now()))) this.#lost('another process holds the lease');
        } else if (await this.activate()) {
          this.#arm(0);
        }
      } catch (err) {
        logger.warn({ err }, 'scheduler lease check failed');
        if (this.#active && clock.now() >= this.#lease.until) this.#lost('the lease could not be renewed before it expired');
      }
    };
    this.#schedule.onScheduled = (dueAt) => this.#arm(dueAt - clock.now());
    this.#unsubscribe = this.#o.bus.subscribe(MONITORS_CHANGED, () => void this.#safeSync());
    every(Math.max(1_000, Math.floor(this.#lease.ttlMs / 3)), () => void claim());
    every(this.#o.syncMs ?? 2_000, () => void this.#safeSync());
    every(this.#o.flushMs ?? 200, () => this.#writer.flushIfDue());
    await claim();
  }

  #lost(why: string): void {
    this.#o.logger.warn({ why }, 'scheduler lease lost; standing by');
    this.#active = false;
    for (const m of this.#dispatcher.clear()) this.#schedule.abandoned(m);
    this.#schedule.clear();
  }

  async #safeSync(): Promise<void> {
    try {
      await this.sync();
    } catch (err) {
      this.#o.logger.warn({ err }, 'monitor sync failed; retrying at the next interval');
    }
  }

  /**
   * Wakes the dispatch loop in `delayMs` unless it already wakes sooner. Future work waits at least
   * TICK_MS, so one wake-up dispatches every check due in that slice instead of one timer per check.
   */
  #arm(delayMs: number): void {
    if (this.#stopping || this.#timers.length === 0) return;
    const at = performance.now() + (delayMs <= 0 ? 0 : Math.min(Math.max(delayMs, TICK_MS), 1_000));
    if (this.#tickTimer && at >= this.#tickAt) return;
    clearTimeout(this.#tickTimer);
    this.#tickAt = at;
    this.#tickTimer = setTimeout(() => {
      this.#tickTimer = undefined;
      this.#tickAt = Infinity;
      this.tick();
      const next = this.#schedule.nextDueAt();
      this.#arm(next === null ? 1_000 : next - this.#o.clock.now());
    }, Math.max(0, at - performance.now())).unref();
  }

  /** Stops dispatching, lets in-flight checks finish (aborting them after `timeoutMs`), writes what is left, releases the lease. */
  async stop(timeoutMs: number): Promise<void> {
    this.#stopping = true;
    for (const t of this.#timers) clearInterval(t);
    this.#timers = [];
    clearTimeout(this.#tickTimer);
    this.#unsubscribe?.();
    for (const m of this.#dispatcher.clear()) this.#schedule.abandoned(m);
    const settled = (ms: number) => Promise.race([Promise.allSettled(this.#running.values()), new Promise((r) => setTimeout(r, ms).unref())]);
    await settled(timeoutMs);
    if (this.#running.size > 0) {
      this.#abort.abort(new Error('Custos is shutting down'));
      await settled(1_000);
    }
    await this.#syncing?.catch(() => undefined);
    for (let attempt = 0; attempt < 3 && this.#writer.pending > 0; attempt++) {
      if ((await this.#writer.flush()).error) await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
    }
    if (this.#active) await this.#lease.release().catch((err) => this.#o.logger.warn({ err }, 'could not release the scheduler lease'));
    this.#active = false;
    this.#abort = new AbortController();
  }
}
