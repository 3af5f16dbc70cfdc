import type { Logger } from './logger.ts';

export interface GroupCommitOptions<I, R> {
  /** Writes a batch in one transaction; resolves with one result per item, in order (or nothing). */
  write(items: I[]): Promise<R[] | void>;
  logger: Logger;
  /** Names the batches in the log line of a failed one. */
  name: string;
  /** Flush once this many wait (default 200). */
  maxBatch?: number;
  /** With `sizeOf`: flush once the waiting items add up to this many bytes, and keep batches under it. */
  maxBatchBytes?: number;
  sizeOf?(item: I): number;
  /**
   * How long an idle committer waits for company before writing (ms). 0, the default, writes once
   * the requests read in this turn of the event loop are queued.
   */
  maxWaitMs?: number;
  /** Batches written at once (1 for SQLite's single writer). */
  concurrency?: number;
}

interface Waiting<I, R> {
  item: I;
  size: number;
  resolve(result: R): void;
  reject(err: unknown): void;
}

/**
 * Group commit, like a write-ahead log: concurrent submissions share one transaction, and each
 * caller resolves only after its batch committed. Items that arrive while a batch is written form
 * the next one, so batches grow with load. A failed batch is retried item by item, so one bad
 * item fails alone.
 */
export class GroupCommit<I, R = void> {
  readonly #o: GroupCommitOptions<I, R> & { maxBatch: number; maxBatchBytes: number; maxWaitMs: number; concurrency: number };
  #queue: Waiting<I, R>[] = [];
  #queuedBytes = 0;
  #timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  #writing = 0;
  #idle: (() => void)[] = [];

  constructor(options: GroupCommitOptions<I, R>) {
    this.#o = {
      ...options,
      maxBatch: options.maxBatch ?? 200,
      maxBatchBytes: options.maxBatchBytes ?? Number.POSITIVE_INFINITY,
      maxWaitMs: options.maxWaitMs ?? 0,
      concurrency: options.concurrency ?? 1,
    };
  }

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const size = this.#o.sizeOf?.(item) ?? 0;
      this.#queue.push({ item, size, resolve, reject });
      this.#queuedBytes += size;
      this.#schedule();
    });
  }

  /** Items waiting or being written. */
  get pending(): number {
    return this.#queue.length + this.#writing;
  }

  /** Resolves once everything submitted so far is written. */
  async drain(): Promise<void> {
    if (this.pending === 0) return;
    this.#flush();
    await new Promise<void>((resolve) => this.#idle.push(resolve));
  }

  #schedule(): void {
    if (this.#writing >= this.#o.concurrency) return;
    if (this.#queue.length >= this.#o.maxBatch || this.#queuedBytes >= this.#o.maxBatchBytes) this.#flush();
    else this.#timer ??= this.#o.maxWaitMs > 0 ? setTimeout(() => this.#flush(), this.#o.maxWaitMs) : setImmediate(() => this.#flush());
  }

  #take(): Waiting<I, R>[] {
    let bytes = 0;
    let n = 0;
    while (n < this.#queue.length && n < this.#o.maxBatch && (n === 0 || bytes + this.#queue[n].size <= this.#o.maxBatchBytes)) bytes += this.#queue[n++].size;
    this.#queuedBytes -= bytes;
    return this.#queue.splice(0, n);
  }

  #flush(): void {
    if (this.#timer) {
      clearTimeout(this.#timer as NodeJS.Timeout);
      clearImmediate(this.#timer as NodeJS.Immediate);
    }
    this.#timer = null;
    while (this.#writing < this.#o.concurrency && this.#queue.length > 0) {
      const batch = this.#take();
      this.#writing++;
      void this.#write(batch).finally(() => {
        this.#writing--;
        if (this.#queue.length > 0) this.#flush();
        else if (this.#writing === 0) for (const done of this.#idle.splice(0)) done();
      });
    }
  }

  async #write(batch: Waiting<I, R>[]): Promise<void> {
    try {
      const results = await this.#o.write(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(results?.[i] as R));
      return;
    } catch (err) {
      if (batch.length === 1) {
        batch[0].reject(err);
        return;
      }
      this.#o.logger.warn({ err, size: batch.length }, `${this.#o.name} batch failed; writing its items one by one`);
    }
    for (const w of batch) {
      try {
        w.resolve((await this.#o.write([w.item]))?.[0] as R);
      } catch (err) {
        w.reject(err);
      }
    }
  }
}
