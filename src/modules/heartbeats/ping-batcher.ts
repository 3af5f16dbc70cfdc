import type { Logger } from '../../platform/logger.ts';

export interface PingBatcherOptions<I, R> {
  /** Writes a batch in one transaction; resolves with one result per item, in order. */
  write(items: I[]): Promise<R[]>;
  logger: Logger;
  /** Flush once this many wait (default 200). */
  maxBatch?: number;
  /**
   * Flush this long after the first item arrived in an idle batcher (default 2); 0 flushes once
   * the requests already read in this turn of the event loop are queued.
   */
  maxWaitMs?: number;
  /** Batches written at once (1 for SQLite's single writer). */
  concurrency?: number;
}

interface Waiting<I, R> {
  item: I;
  resolve(result: R): void;
  reject(err: unknown): void;
}

/**
 * Group commit: concurrent submissions share one transaction, and each caller resolves only after
 * its batch committed. Items arriving while a batch is written form the next batch, so batches grow
 * with load. When a batch fails, its items are written one by one, so one bad item fails alone.
 */
export class PingBatcher<I, R> {
  readonly #o: Required<Omit<PingBatcherOptions<I, R>, 'logger'>> & { logger: Logger };
  #queue: Waiting<I, R>[] = [];
  #timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  #writing = 0;
  #idle: (() => void)[] = [];

  constructor(options: PingBatcherOptions<I, R>) {
    this.#o = { ...options, maxBatch: options.maxBatch ?? 200, maxWaitMs: options.maxWaitMs ?? 2, concurrency: options.concurrency ?? 1 };
  }

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#schedule();
    });
  }

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
    if (this.#queue.length >= this.#o.maxBatch) this.#flush();
    else this.#timer ??= this.#o.maxWaitMs > 0 ? setTimeout(() => this.#flush(), this.#o.maxWaitMs) : setImmediate(() => this.#flush());
  }

  #flush(): void {
    if (this.#timer) {
      clearTimeout(this.#timer as NodeJS.Timeout);
      clearImmediate(this.#timer as NodeJS.Immediate);
    }
    this.#timer = null;
    while (this.#writing < this.#o.concurrency && this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#o.maxBatch);
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
      batch.forEach((w, i) => w.resolve(results[i]));
      return;
    } catch (err) {
      if (batch.length === 1) {
        batch[0].reject(err);
        return;
      }
      this.#o.logger.warn({ err, size: batch.length }, 'ping batch failed; writing its pings one by one');
    }
    for (const w of batch) {
      try {
        w.resolve((await this.#o.write([w.item]))[0]);
      } catch (err) {
        w.reject(err);
      }
    }
  }
}
