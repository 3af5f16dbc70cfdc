import type { Bus } from '../../../platform/bus.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Db, Executor } from '../../../platform/db/index.ts';
import { newId } from '../../../platform/ids.ts';
import type { Logger } from '../../../platform/logger.ts';
import { emptyBatch, mergeBack, splitBatch, type Batch, type CertRecord, type FlipRecord, type GapRecord, type MonitorUpdate, type ResultRecord } from './batch.ts';
import { writeBatch } from './flush.ts';

export const MONITOR_STATE_TOPIC = 'monitor.state';

export interface ResultWriterOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  bus: Bus;
  /** Flush once this many results wait (default 500). */
  maxBatch?: number;
  /** Results kept while the database refuses writes; older ones become coverage gaps (default 100,000). */
  maxBuffered?: number;
  /** Test hook run inside each flush transaction after the writes; throwing rolls the flush back. */
  onFlush?: (tx: Executor) => Promise<void> | void;
  /** Observes each flush transaction's duration in seconds. */
  observe?: (seconds: number) => void;
}

export interface FlushSummary {
  results: number;
  flips: number;
  gaps: number;
  error: string | null;
}

const MAX_ROWS = 1_000;
const LOST_DETAIL = 'the check ran but its result could not be stored: the database refused writes for too long';

/**
 * Buffers what checks produce and writes it in one transaction per flush. A failed flush keeps
 * the batch for the next attempt: a database error is Custos's problem, never the target's.
 */
export class ResultWriter {
  readonly #o: ResultWriterOptions & { maxBatch: number; maxBuffered: number };
  #batch: Batch = emptyBatch();
  #lost = new Map<string, GapRecord>();
  #loop: Promise<FlushSummary> | null = null;
  #failures = 0;
  #retryAt = 0;

  constructor(options: ResultWriterOptions) {
    this.#o = { maxBatch: 500, maxBuffered: 100_000, ...options };
  }

  get pending(): number {
    return this.#batch.results.length + this.#batch.updates.size + this.#batch.flips.length + this.#batch.gaps.length + this.#lost.size;
  }

  get failing(): boolean {
    return this.#failures > 0;
  }

  addResult(r: ResultRecord): void {
    this.#batch.results.push(r);
    if (this.#batch.results.length > this.#o.maxBuffered) this.#dropOldest();
  }

  setMonitor(u: MonitorUpdate): void {
    this.#batch.updates.set(u.id, u);
  }

  addFlip(f: FlipRecord): void {
    this.#batch.flips.push(f);
  }

  addGap(g: GapRecord): void {
    this.#batch.gaps.push(g);
  }

  addCert(c: CertRecord): void {
    this.#batch.certs.set(`${c.monitorId}\n${c.fingerprint}`, c);
  }

  /** True when a flush should start now rather than at the next timer tick. */
  get full(): boolean {
    return this.#batch.results.length >= this.#o.maxBatch && this.#o.clock.now() >= this.#retryAt;
  }

  /** For the timer and the dispatch loop: starts a flush unless one runs or a recent failure asks to back off. */
  flushIfDue(): void {
    if (this.#loop || this.pending === 0 || this.#o.clock.now() < this.#retryAt) return;
    void this.flush();
  }

  /** Writes everything buffered, in transactions of at most MAX_ROWS rows of each kind; stops at the first error. */
  async flush(): Promise<FlushSummary> {
    while (this.#loop) await this.#loop;
    this.#loop = this.#drain().finally(() => (this.#loop = null));
    return this.#loop;
  }

  async #drain(): Promise<FlushSummary> {
    const summary: FlushSummary = { results: 0, flips: 0, gaps: 0, error: null };
    while (this.pending > 0) {
      const part = await this.#write();
      summary.results += part.results;
      summary.flips += part.flips;
      summary.gaps += part.gaps;
      summary.error = part.error;
      if (part.error) break;
      if (this.pending > 0) await new Promise((r) => setImmediate(r));
    }
    return summary;
  }

  async #write(): Promise<FlushSummary> {
    for (const gap of this.#lost.values()) this.#batch.gaps.push(gap);
    this.#lost = new Map();
    const { head: batch, rest } = splitBatch(this.#batch, MAX_ROWS);
    this.#batch = rest;
    const now = this.#o.clock.now();
    const started = performance.now();
    try {
      await writeBatch(this.#o.db, batch, now, this.#o.onFlush);
      this.#o.observe?.((performance.now() - started) / 1000);
    } catch (err) {
      this.#batch = mergeBack(batch, this.#batch);
      if (this.#batch.results.length > this.#o.maxBuffered) this.#dropOldest();
      this.#failures++;
      this.#retryAt = now + Math.min(5_000, 200 * 2 ** Math.min(this.#failures, 5));
      this.#o.logger.error({ err, buffered: this.#batch.results.length, attempt: this.#failures }, 'could not store check results; keeping them for the next attempt');
      return { results: 0, flips: 0, gaps: 0, error: err instanceof Error ? err.message : String(err) };
    }
    if (this.#failures > 0) this.#o.logger.info({ attempts: this.#failures + 1 }, 'check results stored again');
    this.#failures = 0;
    this.#retryAt = 0;
    this.#publish(batch);
    return { results: batch.results.length, flips: batch.flips.length, gaps: batch.gaps.length, error: null };
  }

  #publish(batch: Batch): void {
    const flipped = new Set(batch.flips.map((f) => f.monitorId));
    for (const u of batch.updates.values()) {
      this.#o.bus.publish(MONITOR_STATE_TOPIC, {
        orgId: u.orgId,
        monitorId: u.id,
        state: u.state,
        health: u.health,
        since: u.stateSince,
        flipped: flipped.has(u.id),
        reason: flipped.has(u.id) && u.stateReason !== null ? JSON.parse(u.stateReason) : undefined,
        lastCheckAt: u.lastCheckAt,
        lastOutcome: u.lastOutcome,
        lastLatencyMs: u.lastLatencyMs,
      });
    }
  }

  /** Bounded memory while the database is away: the oldest tenth of the results becomes gaps per monitor. */
  #dropOldest(): void {
    const dropped = this.#batch.results.splice(0, this.#batch.results.length - Math.floor(this.#o.maxBuffered * 0.9));
    for (const r of dropped) {
      const gap = this.#lost.get(r.monitorId);
      if (gap) {
        gap.fromAt = Math.min(gap.fromAt, r.at);
        gap.toAt = Math.max(gap.toAt, r.at + 1);
        gap.missed++;
      } else {
        this.#lost.set(r.monitorId, { id: newId(r.at), orgId: r.orgId, monitorId: r.monitorId, fromAt: r.at, toAt: r.at + 1, missed: 1, cause: 'internal_error', detail: LOST_DETAIL });
      }
    }
  }
}
