import type { Executor } from '../../../platform/db/index.ts';
import type { Logger } from '../../../platform/logger.ts';
import { errorsDb } from '../store.ts';

/** Undigested queue rows: first and last sequence numbers, read through the (status, seq) index. */
export async function queueSpan(db: Executor): Promise<{ first: number | null; last: number | null }> {
  const q = errorsDb(db);
  const first = await q.selectFrom('error_ingest_queue').select('seq').where('status', '=', 'queued').orderBy('seq').limit(1).executeTakeFirst();
  if (!first) return { first: null, last: null };
  const last = await q.selectFrom('error_ingest_queue').select('seq').where('status', '=', 'queued').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return { first: Number(first.seq), last: Number(last?.seq ?? first.seq) };
}

/**
 * An estimate of the queue depth that costs no query per request: refreshed every `refreshMs`
 * from the sequence span (an upper bound), plus what this process queued since.
 */
export class QueueGauge {
  readonly #db: Executor;
  readonly #logger: Logger;
  readonly #refreshMs: number;
  #known = 0;
  #addedSince = 0;
  #timer: NodeJS.Timeout | null = null;
  #refreshing: Promise<void> | null = null;

  constructor(db: Executor, logger: Logger, refreshMs = 250) {
    this.#db = db;
    this.#logger = logger;
    this.#refreshMs = refreshMs;
  }

  depth(): number {
    return this.#known + this.#addedSince;
  }

  added(rows: number): void {
    this.#addedSince += rows;
  }

  refresh(): Promise<void> {
    this.#refreshing ??= (async () => {
      const added = this.#addedSince;
      try {
        const span = await queueSpan(this.#db);
        this.#known = span.first === null ? 0 : span.last! - span.first + 1;
        this.#addedSince -= added;
      } catch (err) {
        this.#logger.warn({ err }, 'ingest queue depth could not be read');
      } finally {
        this.#refreshing = null;
      }
    })();
    return this.#refreshing;
  }

  start(): void {
    this.#timer ??= setInterval(() => void this.refresh(), this.#refreshMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }
}
