import type { Clock } from '../clock.ts';
import type { Db, Dialect, Executor } from '../db/index.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { claimJobs, completeJob, completeJobs, extendLeases, failJob, releaseJobs, type Job } from './queue.ts';

export interface JobContext<P> {
  job: Job<P>;
  db: Db;
  clock: Clock;
  logger: Logger;
  signal: AbortSignal;
  /**
   * Marks the job done inside the handler's own transaction, so its work and its completion
   * commit together; the runner then does not complete it again. False when the lease was lost.
   */
  complete(tx: Executor): Promise<boolean>;
}

export type JobHandler<P = unknown> = (ctx: JobContext<P>) => Promise<void>;

export interface BatchJobContext<P> extends Omit<JobContext<P>, 'job' | 'complete'> {
  jobs: Job<P>[];
}

/**
 * Handles several due jobs of one kind together. Resolves with the errors of the jobs that failed,
 * by job id (thrown errors as a single handler would throw them); the others are completed.
 * Throwing fails every job of the batch.
 */
export type BatchJobHandler<P = unknown> = (ctx: BatchJobContext<P>) => Promise<Map<string, unknown>>;

export interface BatchJobOptions {
  /** Most jobs claimed into one batch; one batch of a kind runs at a time and takes one concurrency slot. */
  size: number;
}

/** Throw from a handler to retry at a chosen time (a Retry-After, say) instead of the default backoff. */
export class RetryLaterError extends Error {
  readonly retryAt: number;
  constructor(message: string, retryAt: number) {
    super(message);
    this.retryAt = retryAt;
  }
}

/** Throw from a handler when retrying cannot help (a 400 from the receiver, say). */
export class PermanentJobError extends Error {}

export interface JobRunnerOptions {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  logger: Logger;
  metrics?: Metrics;
  concurrency: number;
  leaseMs: number;
  pollMs: number;
  workerId?: string;
  /** Exponential backoff base; attempt n waits base * 2^(n-1), capped, with ±20% jitter. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  random?: () => number;
}

export interface RunOnceSummary {
  claimed: number;
  completed: number;
  failed: number;
  retried: number;
}

/**
 * Runs due jobs with leases: at-least-once, never two holders of one lease at a time.
 * A worker that dies has its jobs taken over once their leases expire.
 */
export class JobRunner {
  readonly workerId: string;
  readonly #o: Required<Omit<JobRunnerOptions, 'metrics'>> & { metrics?: Metrics };
  readonly #handlers = new Map<string, JobHandler<never>>();
  readonly #batchHandlers = new Map<string, { handler: BatchJobHandler<never>; size: number }>();
  readonly #running = new Map<string, { job: Job; done: Promise<void> }>();
  readonly #batches = new Map<string, { jobs: Job[]; done: Promise<void> }>();
  #woken = false;
  #timer: NodeJS.Timeout | undefined;
  #leaseTimer: NodeJS.Timeout | undefined;
  #stopping = false;
  #abort = new AbortController();
  #lastTickAt: number | null = null;
  #expiredCheckAt = 0;
  #lastError: string | null = null;
  #wake: (() => void) | null = null;

  constructor(options: JobRunnerOptions) {
    this.workerId = options.workerId ?? `worker-${newId()}`;
    this.#o = { backoffBaseMs: 5_000, backoffMaxMs: 3_600_000, random: Math.random, workerId: this.workerId, ...options };
  }

  register<P>(kind: string, handler: JobHandler<P>): void {
    if (this.#handlers.has(kind) || this.#batchHandlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.#handlers.set(kind, handler as JobHandler<never>);
  }

  registerBatch<P>(kind: string, handler: BatchJobHandler<P>, options: BatchJobOptions): void {
    if (this.#handlers.has(kind) || this.#batchHandlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.#batchHandlers.set(kind, { handler: handler as BatchJobHandler<never>, size: Math.max(1, options.size) });
  }

  get kinds(): string[] {
    return [...this.#handlers.keys(), ...this.#batchHandlers.keys()];
  }

  /** Wall-clock time of the last completed poll, for health. */
  get lastTickAt(): number | null {
    return this.#lastTickAt;
  }

  get lastError(): string | null {
    return this.#lastError;
  }

  get inFlight(): number {
    return this.#running.size + [...this.#batches.values()].reduce((n, b) => n + b.jobs.length, 0);
  }

  #heldJobs(): Job[] {
    return [...[...this.#running.values()].map((r) => r.job), ...[...this.#batches.values()].flatMap((b) => b.jobs)];
  }

  backoff(attempt: number): number {
    const base = Math.min(this.#o.backoffMaxMs, this.#o.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(base * (0.8 + 0.4 * this.#o.random()));
  }

  /** Claims what is due and starts it; resolves when those jobs finish. Tests drive this directly. */
  async runOnce(): Promise<RunOnceSummary> {
    const summary: RunOnceSummary = { claimed: 0, completed: 0, failed: 0, retried: 0 };
    await Promise.all(await this.#claimAndStart(summary, true));
    return summary;
  }

  /** Each batch kind not already running claims one batch (one slot each, so single jobs keep the rest); single jobs fill the free slots. */
  async #claimAndStart(summary: RunOnceSummary, lookForExpired: boolean): Promise<Promise<void>[]> {
    const started: Promise<void>[] = [];
    let free = this.#o.concurrency - this.#running.size - this.#batches.size;
    const now = this.#o.clock.now();
    const expired = lookForExpired || now >= this.#expiredCheckAt;
    if (expired) this.#expiredCheckAt = now + this.#o.pollMs;
    const claim = (kinds: string[], limit: number) => claimJobs(this.#o.db, this.#o.dialect, { owner: this.workerId, now, leaseMs: this.#o.leaseMs, limit, kinds, expired });
    for (const [kind, { size }] of this.#batchHandlers) {
      if (free <= 0) break;
      if (this.#batches.has(kind)) continue;
      const jobs = await claim([kind], size);
      if (jobs.length === 0) continue;
      summary.claimed += jobs.length;
      started.push(this.#startBatch(kind, jobs, summary));
      free--;
    }
    if (free <= 0 || this.#handlers.size === 0) return started;
    const jobs = await claim([...this.#handlers.keys()], free);
    summary.claimed += jobs.length;
    return [...started, ...jobs.map((job) => this.#start(job, summary))];
  }

  #startBatch(kind: string, jobs: Job[], summary: RunOnceSummary): Promise<void> {
    for (const job of jobs) this.#o.metrics?.jobsClaimed.inc({ kind: job.kind });
    const done = this.#executeBatch(kind, jobs, summary).finally(() => {
      this.#batches.delete(kind);
      this.#nudge();
    });
    this.#batches.set(kind, { jobs, done });
    return done;
  }

  #nudge(): void {
    this.#woken = true;
    this.#wake?.();
  }

  #start(job: Job, summary: RunOnceSummary): Promise<void> {
    this.#o.metrics?.jobsClaimed.inc({ kind: job.kind });
    const done = this.#execute(job, summary).finally(() => {
      this.#running.delete(job.id);
      this.#nudge();
    });
    this.#running.set(job.id, { job, done });
    return done;
  }

  async #execute(job: Job, summary: RunOnceSummary): Promise<void> {
    const { db, clock, logger, metrics } = this.#o;
    const handler = this.#handlers.get(job.kind)!;
    const log = logger.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
    if (job.attempts > job.maxAttempts) {
      await failJob(db, job, clock.now(), 'gave up: lease expired on every attempt', null);
      summary.failed++;
      metrics?.jobsFailed.inc({ kind: job.kind, final: 'true' });
      return;
    }
    try {
      let completedInHandler: boolean | null = null;
      const complete = async (tx: Executor) => (completedInHandler = await completeJob(tx, job, clock.now()));
      await handler({ job: job as Job<never>, db, clock, logger: log, signal: this.#abort.signal, complete });
      if (completedInHandler ?? (await completeJob(db, job, clock.now()))) {
        summary.completed++;
        metrics?.jobsCompleted.inc({ kind: job.kind });
      } else {
        log.warn('job finished after its lease was taken over');
      }
    } catch (err) {
      await this.#recordFailure(job, err, summary);
    }
  }

  async #executeBatch(kind: string, claimed: Job[], summary: RunOnceSummary): Promise<void> {
    const { db, clock, logger, metrics } = this.#o;
    const { handler } = this.#batchHandlers.get(kind)!;
    const log = logger.child({ kind, batch: claimed.length });
    const jobs: Job[] = [];
    for (const job of claimed) {
      if (job.attempts <= job.maxAttempts) jobs.push(job);
      else await this.#recordFailure(job, new PermanentJobError('gave up: lease expired on every attempt'), summary);
    }
    if (jobs.length === 0) return;
    let failures: Map<string, unknown>;
    try {
      failures = await handler({ jobs: jobs as Job<never>[], db, clock, logger: log, signal: this.#abort.signal });
    } catch (err) {
      failures = new Map(jobs.map((job) => [job.id, err]));
    }
    const succeeded = jobs.filter((job) => !failures.has(job.id));
    const completed = await completeJobs(db, succeeded, clock.now()).catch((err: unknown) => {
      log.error({ err }, 'could not complete batch; its jobs run again when their leases expire');
      return new Set<string>();
    });
    summary.completed += completed.size;
    for (const job of succeeded) {
      if (completed.has(job.id)) metrics?.jobsCompleted.inc({ kind });
      else log.warn({ jobId: job.id }, 'job finished after its lease was taken over');
    }
    for (const job of jobs) if (failures.has(job.id)) await this.#recordFailure(job, failures.get(job.id), summary);
  }

  async #recordFailure(job: Job, err: unknown, summary: RunOnceSummary): Promise<void> {
    const { db, clock, logger, metrics } = this.#o;
    const log = logger.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
    const message = err instanceof Error ? err.message : String(err);
    const final = err instanceof PermanentJobError || job.attempts >= job.maxAttempts;
    const retryAt = final ? null : err instanceof RetryLaterError ? err.retryAt : clock.now() + this.backoff(job.attempts);
    await failJob(db, job, clock.now(), message, retryAt).catch((e) => log.error({ err: e }, 'could not record job failure'));
    if (final) summary.failed++;
    else summary.retried++;
    metrics?.jobsFailed.inc({ kind: job.kind, final: String(final) });
    log.warn({ err, final }, 'job attempt failed');
  }

  start(): void {
    this.#stopping = false;
    const loop = async () => {
      if (this.#stopping) return;
      try {
        // Leases expire on a scale of seconds: the loop looks for them once a poll interval, not
        // after every finished job (runOnce always looks).
        await this.#claimAndStart({ claimed: 0, completed: 0, failed: 0, retried: 0 }, false);
        this.#lastTickAt = Date.now();
        this.#lastError = null;
      } catch (err) {
        this.#lastError = err instanceof Error ? err.message : String(err);
        this.#o.logger.warn({ err }, 'job poll failed');
      }
      if (this.#stopping) return;
      // A job that finished while this poll ran frees a slot: look again at once instead of sleeping.
      if (!this.#woken) {
        await new Promise<void>((resolve) => {
          this.#wake = resolve;
          this.#timer = setTimeout(resolve, this.#o.pollMs);
        });
        this.#wake = null;
      }
      // Jobs finishing in the same turn of the event loop then share one claim.
      if (this.#woken) await new Promise((resolve) => setImmediate(resolve));
      this.#woken = false;
      void loop();
    };
    void loop();
    this.#leaseTimer = setInterval(() => {
      const ids = this.#heldJobs().map((job) => job.id);
      extendLeases(this.#o.db, this.workerId, ids, this.#o.clock.now() + this.#o.leaseMs).catch((err) =>
        this.#o.logger.warn({ err }, 'lease extension failed'),
      );
    }, Math.max(500, Math.floor(this.#o.leaseMs / 3)));
  }

  /** Stops claiming, waits for running jobs up to `timeoutMs`, then hands back the rest. */
  async stop(timeoutMs: number): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#timer);
    clearInterval(this.#leaseTimer);
    this.#wake?.();
    const all = Promise.all([...this.#running.values(), ...this.#batches.values()].map((r) => r.done));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
    if (this.#running.size + this.#batches.size > 0) {
      this.#abort.abort();
      await releaseJobs(this.#o.db, this.#heldJobs(), this.#o.clock.now()).catch(() => undefined);
    }
  }
}
