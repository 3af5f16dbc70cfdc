import type { Logger } from '../../../platform/logger.ts';

export interface GroupCommitOptions<I> {
  /** Writes a batch in one transaction. */
  write(items: I[]): Promise<void>;
  /** The size an item adds to its batch (bytes), so big envelopes make smaller batches. */
  sizeOf(item: I): number;
  logger: Logger;
  maxBatch?: number;
  maxBatchBytes?: number;
  /** How long an idle committer waits for company before writing (ms). */
  maxWaitMs?: number;
  /** Batches written at once (1 for SQLite's single writer). */
  concurrency?: number;
}

interface Waiting<I> {
  item: I;
  size: number;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Group commit, like a write-ahead log: concurrent submissions share one transaction, and each
 * caller resolves only after its batch committed. Items that arrive while a batch is written form
 * the next one, so batches grow with load. A failed batch is retried item by item, so one bad
 * item fails alone.
 */
export class GroupCommit<I> {
  readonly #o: Required<Omit<GroupCommitOptions<I>, 'logger'>> & { logger: Logger };
  #queue: Waiting<I>[] = [];
  #queuedBytes = 0;
  #timer: NodeJS.Timeout | null = null;
  #writing = 0;
  #idle: (() => void)[] = [];

  constructor(options: GroupCommitOptions<I>) {
    this.#o = { maxBatch: 500, maxBatchBytes: 4 * 1024 * 1024, maxWaitMs: 1, concurrency: 1, ...options };
  }

  submit(item: I): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const size = this.#o.sizeOf(item);
      this.#queue.push({ item, size, resolve, reject });
      this.#queuedBytes += size;
      this.#schedule();
    });
  }

  /** Items waiting or being written. */
  get pending(): number {
    return this.#queue.length + this.#writing;
  }

  async drain(): Promise<void> {
    if (this.pending === 0) return;
    this.#flush();
    await new Promise<void>((resolve) => this.#idle.push(resolve));
  }

  #schedule(): void {
    if (this.#writing >= this.#o.concurrency) return;
    if (this.#queue.length >= this.#o.maxBatch || this.#queuedBytes >= this.#o.maxBatchBytes) this.#flush();
    else this.#timer ??= setTimeout(() => this.#flush(), this.#o.maxWaitMs);
  }

  #take(): Waiting<I>[] {
    let bytes = 0;
    let n = 0;
    while (n < this.#queue.length && n < this.#o.maxBatch && (n === 0 || bytes + this.#queue[n].size <= this.#o.maxBatchBytes)) bytes += this.#queue[n++].size;
    this.#queuedBytes -= bytes;
    return this.#queue.splice(0, n);
  }

  #flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
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

  async #write(batch: Waiting<I>[]): Promise<void> {
    try {
      await this.#o.write(batch.map((w) => w.item));
      for (const w of batch) w.resolve();
      return;
    } catch (err) {
      if (batch.length === 1) {
        batch[0].reject(err);
        return;
      }
      this.#o.logger.warn({ err, size: batch.length }, 'ingest batch failed; writing its items one by one');
    }
    for (const w of batch) {
      try {
        await this.#o.write([w.item]);
        w.resolve();
      } catch (err) {
        w.reject(err);
      }
    }
  }
}
