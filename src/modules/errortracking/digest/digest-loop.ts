import type { Dialect } from '../../../platform/db/index.ts';
import { newId } from '../../../platform/ids.ts';
import { errorsDb } from '../store.ts';
import { digestBatch, type DigestDeps, type DigestSummary } from './digest-batch.ts';

export interface DigestLoopOptions extends DigestDeps {
  dialect: Dialect;
  workerId?: string;
  leaseMs?: number;
  /** Pause when fewer than a batch were queued (ms), so batches fill up; `wake()` ends it early. */
  idleMs?: number;
  batchSize?: number;
}

const LEASE = 'digest';

/** Takes or renews the single digest lease; true while this worker holds it. */
export async function holdDigestLease(deps: Pick<DigestDeps, 'db'>, owner: string, now: number, leaseMs: number): Promise<boolean> {
  const row = await errorsDb(deps.db)
    .insertInto('error_digest_leases')
    .values({ name: LEASE, owner, expires_at: now + leaseMs })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ owner, expires_at: now + leaseMs })
        .where((eb) => eb.or([eb('error_digest_leases.owner', '=', owner), eb('error_digest_leases.expires_at', '<', now)])),
    )
    .returning('owner')
    .executeTakeFirst();
  return row?.owner === owner;
}

/**
 * The digest worker: one process at a time holds the lease and drains the queue in batches; if it
 * dies, another takes over when the lease expires. Digesting is idempotent per event id, and a
 * batch commits with the deletion of its queue rows, so a crash replays at most the open batch.
 */
export class DigestLoop {
  readonly workerId: string;
  readonly #o: Required<Omit<DigestLoopOptions, 'publicUrl'>> & Pick<DigestLoopOptions, 'publicUrl'>;
  #running = false;
  #loop: Promise<void> | null = null;
  #wake: (() => void) | null = null;
  #timer: NodeJS.Timeout | null = null;
  /** Until when the lease is held as last renewed (0: not held). */
  #heldUntil = 0;
  readonly totals: DigestSummary & { batches: number; lastBatchAt: number | null } = {
    rows: 0, events: 0, duplicates: 0, issuesCreated: 0, regressions: 0, alerts: 0, forwarded: 0, failedRows: 0, batches: 0, lastBatchAt: null,
  };

  constructor(options: DigestLoopOptions) {
    this.workerId = options.workerId ?? `digest-${newId()}`;
    this.#o = { ...options, leaseMs: options.leaseMs ?? 15_000, idleMs: options.idleMs ?? 200, batchSize: options.batchSize ?? 250, workerId: this.workerId };
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  wake(): void {
    this.#wake?.();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.wake();
    await this.#loop;
    this.#loop = null;
  }

  async #sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#wake = resolve;
      this.#timer = setTimeout(resolve, ms);
    });
    if (this.#timer) clearTimeout(this.#timer);
    this.#wake = null;
  }

  /**
   * Renews the lease once a third of it has passed, not before every batch: each renewal is a
   * commit of its own, and a batch takes far less than the two thirds left.
   */
  async #hold(now: number): Promise<boolean> {
    const { leaseMs } = this.#o;
    if (this.#heldUntil - now > (leaseMs * 2) / 3) return true;
    this.#heldUntil = 0;
    if (!(await holdDigestLease(this.#o, this.workerId, now, leaseMs))) return false;
    this.#heldUntil = now + leaseMs;
    return true;
  }

  async #run(): Promise<void> {
    const { clock, logger, leaseMs, idleMs, batchSize } = this.#o;
    while (this.#running) {
      try {
        if (!(await this.#hold(clock.now()))) {
          await this.#sleep(leaseMs / 3);
          continue;
        }
        const summary = await digestBatch(this.#o, batchSize);
        if (summary.rows > 0) {
          for (const k of Object.keys(summary) as (keyof DigestSummary)[]) this.totals[k] += summary[k];
          this.totals.batches++;
          this.totals.lastBatchAt = Date.now();
        }
        if (summary.rows < batchSize) await this.#sleep(idleMs);
        else await new Promise((r) => setImmediate(r));
      } catch (err) {
        this.#heldUntil = 0;
        logger.warn({ err }, 'digest loop failed; retrying');
        await this.#sleep(Math.max(idleMs, 1000));
      }
    }
  }
}

/** Digests until the queue is empty; for tests, tools and shutdown. */
export async function digestAll(deps: DigestDeps, batchSize = 500): Promise<DigestSummary> {
  const total: DigestSummary = { rows: 0, events: 0, duplicates: 0, issuesCreated: 0, regressions: 0, alerts: 0, forwarded: 0, failedRows: 0 };
  for (;;) {
    const s = await digestBatch(deps, batchSize);
    for (const k of Object.keys(total) as (keyof DigestSummary)[]) total[k] += s[k];
    if (s.rows === 0 || s.rows === s.failedRows) return total;
  }
}
