import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.ts';
import type { FromThread, ToThread } from './messages.ts';

export interface ThreadClientOptions<Req> {
  /** The thread's entry module; it calls `serveThread`. */
  entry: URL;
  workerData: unknown;
  logger: Logger;
  /** Names the thread in logs. */
  name: string;
  /** Prepares a message's requests for posting: what to transfer instead of cloning. */
  pack?: (requests: [number, Req][]) => { requests: [number, Req][]; transfer: ArrayBuffer[] };
}

interface Pending<Res> {
  resolve(value: Res): void;
  reject(err: Error): void;
}

/**
 * Calls into a worker thread. Requests made in the same turn of the event loop travel in one
 * message; each caller resolves with its own result. The thread starts with the first request (or
 * `start()`); a thread that dies fails what it held and is started again on the next request.
 */
export class ThreadClient<Req, Res> {
  readonly #o: ThreadClientOptions<Req>;
  readonly #pending = new Map<number, Pending<Res>>();
  #worker: Worker | null = null;
  #nextId = 1;
  #outbox: [number, Req][] = [];
  #stopping = false;

  constructor(options: ThreadClientOptions<Req>) {
    this.#o = options;
  }

  start(): void {
    this.#worker ??= this.#spawn();
  }

  request(request: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      this.#pending.set(id, { resolve, reject });
      if (this.#outbox.length === 0) setImmediate(() => this.#flush());
      this.#outbox.push([id, request]);
    });
  }

  /** Resolves once every request made so far is answered. */
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
      worker.on('message', (m: FromThread<Res>) => m.type === 'stopped' && void worker.terminate());
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker_threads port, not window.postMessage
      worker.postMessage({ type: 'stop' } satisfies ToThread<Req>);
    });
    this.#worker = null;
  }

  #spawn(): Worker {
    const worker = new Worker(this.#o.entry, { workerData: this.#o.workerData });
    worker.on('message', (m: FromThread<Res>) => {
      if (m.type !== 'results') return;
      for (const result of m.results) {
        const pending = this.#pending.get(result[0]);
        this.#pending.delete(result[0]);
        if (result[1]) pending?.resolve(result[2]);
        else pending?.reject(new Error(result[2]));
      }
    });
    worker.on('error', (err) => this.#o.logger.error({ err }, `${this.#o.name} thread failed`));
    worker.on('exit', (code) => {
      if (this.#worker === worker) this.#worker = null;
      for (const p of this.#pending.values()) p.reject(new Error(`${this.#o.name} thread exited (${code})`));
      this.#pending.clear();
      if (!this.#stopping) this.#o.logger.warn({ code }, `${this.#o.name} thread exited`);
    });
    this.#worker = worker;
    return worker;
  }

  #flush(): void {
    const requests = this.#outbox.splice(0);
    if (requests.length === 0) return;
    const worker = this.#worker ?? this.#spawn();
    const packed = this.#o.pack?.(requests) ?? { requests, transfer: [] };
    // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker_threads port, not window.postMessage
    worker.postMessage({ type: 'work', requests: packed.requests } satisfies ToThread<Req>, packed.transfer);
  }
}
