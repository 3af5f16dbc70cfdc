import { Worker } from 'node:worker_threads';
import type { Logger } from '../../../platform/logger.ts';
import type { AcceptJob, AcceptOutcome, IngestBackend } from '../ingest/backend.ts';
import type { LedgerEntry } from '../ingest/write-ledger.ts';
import type { FromWriter, ToWriter, WriterRequest, WriterSettings } from './messages.ts';

/**
 * The bodies of a message copied into one buffer that is transferred, not cloned: one allocation
 * and one transfer per message instead of one per request (a request's body may be a view of a
 * larger buffer that cannot be transferred).
 */
function packBodies(requests: WriterRequest[]): { requests: WriterRequest[]; buffer: ArrayBuffer } {
  let size = 0;
  for (const r of requests) if ('accept' in r) size += r.accept.raw.byteLength;
  const buffer = new ArrayBuffer(size);
  let at = 0;
  const packed = requests.map((r) => {
    if (!('accept' in r)) return r;
    const raw = new Uint8Array(buffer, at, r.accept.raw.byteLength);
    raw.set(r.accept.raw);
    at += raw.byteLength;
    return { id: r.id, accept: { ...r.accept, raw } };
  });
  return { requests: packed, buffer };
}

interface Pending {
  resolve(outcome: AcceptOutcome | null): void;
  reject(err: Error): void;
}

/**
 * The ingest backend in the writer thread. Requests made in the same turn of the event loop (the
 * requests read from the sockets in one poll) travel in one message, their bodies packed into one
 * transferred buffer; each caller resolves when the thread reports its group committed. A thread that dies fails what it held (those requests were not acknowledged) and is
 * started again on the next request.
 */
export class WriterClient implements IngestBackend {
  readonly #settings: WriterSettings;
  readonly #logger: Logger;
  readonly #pending = new Map<number, Pending>();
  #worker: Worker | null = null;
  #nextId = 1;
  #outbox: WriterRequest[] = [];
  #stopping = false;

  constructor(settings: WriterSettings, logger: Logger) {
    this.#settings = settings;
    this.#logger = logger;
  }

  start(): void {
    this.#spawn();
  }

  accept(job: AcceptJob): Promise<AcceptOutcome> {
    return this.#request((id) => ({ id, accept: job })) as Promise<AcceptOutcome>;
  }

  async count(entry: LedgerEntry): Promise<void> {
    await this.#request((id) => ({ id, count: entry }));
  }

  async drain(): Promise<void> {
    while (this.#pending.size > 0) await new Promise((r) => setTimeout(r, 5));
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    await this.drain();
    const worker = this.#worker;
    if (!worker) return;
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.on('message', (m: FromWriter) => m.type === 'stopped' && void worker.terminate());
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker_threads port, not window.postMessage
      worker.postMessage({ type: 'stop' } satisfies ToWriter);
    });
    this.#worker = null;
  }

  #request(make: (id: number) => WriterRequest): Promise<AcceptOutcome | null> {
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      this.#pending.set(id, { resolve, reject });
      if (this.#outbox.length === 0) setImmediate(() => this.#flush());
      this.#outbox.push(make(id));
    });
  }

  #spawn(): Worker {
    const worker = new Worker(new URL('./writer-thread.ts', import.meta.url), { workerData: this.#settings });
    worker.on('message', (m: FromWriter) => {
      if (m.type !== 'results') return;
      for (const [id, outcome] of m.results) {
        const pending = this.#pending.get(id);
        this.#pending.delete(id);
        if (outcome && 'failed' in outcome) pending?.reject(new Error(outcome.failed));
        else pending?.resolve(outcome);
      }
    });
    worker.on('error', (err) => this.#logger.error({ err }, 'error-tracking writer thread failed'));
    worker.on('exit', (code) => {
      if (this.#worker === worker) this.#worker = null;
      for (const p of this.#pending.values()) p.reject(new Error(`writer thread exited (${code})`));
      this.#pending.clear();
      if (!this.#stopping) this.#logger.warn({ code }, 'error-tracking writer thread exited');
    });
    this.#worker = worker;
    return worker;
  }

  #flush(): void {
    const requests = this.#outbox.splice(0);
    if (requests.length === 0) return;
    const worker = this.#worker ?? this.#spawn();
    const packed = packBodies(requests);
    // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker_threads port, not window.postMessage
    worker.postMessage({ type: 'work', requests: packed.requests } satisfies ToWriter, [packed.buffer]);
  }
}
