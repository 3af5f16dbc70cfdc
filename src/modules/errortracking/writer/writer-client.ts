import type { Logger } from '../../../platform/logger.ts';
import { ThreadClient } from '../../../platform/threads/index.ts';
import type { AcceptJob, AcceptOutcome, IngestBackend } from '../ingest/backend.ts';
import type { LedgerEntry } from '../ingest/write-ledger.ts';
import type { WriterRequest, WriterSettings } from './messages.ts';

/**
 * The bodies of a message copied into one buffer that is transferred, not cloned: one allocation
 * and one transfer per message instead of one per request (a request's body may be a view of a
 * larger buffer that cannot be transferred).
 */
function packBodies(requests: [number, WriterRequest][]): { requests: [number, WriterRequest][]; transfer: ArrayBuffer[] } {
  let size = 0;
  for (const [, r] of requests) if ('accept' in r) size += r.accept.raw.byteLength;
  const buffer = new ArrayBuffer(size);
  let at = 0;
  const packed = requests.map(([id, r]): [number, WriterRequest] => {
    if (!('accept' in r)) return [id, r];
    const raw = new Uint8Array(buffer, at, r.accept.raw.byteLength);
    raw.set(r.accept.raw);
    at += raw.byteLength;
    return [id, { accept: { ...r.accept, raw } }];
  });
  return { requests: packed, transfer: [buffer] };
}

/**
 * The ingest backend in the writer thread: requests read from the sockets in one poll travel in
 * one message, their bodies packed into one transferred buffer; each caller resolves when the
 * thread reports its group committed.
 */
export class WriterClient implements IngestBackend {
  readonly #thread: ThreadClient<WriterRequest, AcceptOutcome | null>;

  constructor(settings: WriterSettings, logger: Logger) {
    this.#thread = new ThreadClient({ entry: new URL('./writer-thread.ts', import.meta.url), workerData: settings, logger, name: 'error-tracking writer', pack: packBodies });
  }

  start(): void {
    this.#thread.start();
  }

  accept(job: AcceptJob): Promise<AcceptOutcome> {
    return this.#thread.request({ accept: job }) as Promise<AcceptOutcome>;
  }

  async count(entry: LedgerEntry): Promise<void> {
    await this.#thread.request({ count: entry });
  }

  drain(): Promise<void> {
    return this.#thread.drain();
  }

  stop(): Promise<void> {
    return this.#thread.stop();
  }
}
