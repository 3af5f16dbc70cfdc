import { Worker } from 'node:worker_threads';

/** How often the checkpointer copies committed WAL frames into the database file. */
export const CHECKPOINT_EVERY_MS = 500;
/** WAL pages beyond which a checkpoint waits for a pause in writes, so the WAL starts over. */
export const RESTART_AFTER_PAGES = 8_192;

// CommonJS run with `eval`: a worker gets no TypeScript stripping of its own.
const SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.path, { timeout: workerData.busyTimeoutMs });
const passive = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const restart = db.prepare('PRAGMA wal_checkpoint(RESTART)');
const timer = setInterval(() => {
  try {
    if (passive.get().log > workerData.restartAfterPages) restart.get();
  } catch {}
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Checkpoints a WAL database from a worker thread with its own connection. A checkpoint copies
 * pages and syncs the file; run by the writer (SQLite's auto-checkpoint) it blocks the event loop
 * for the whole fsync. A PASSIVE checkpoint never waits on the writer, but under steady writes new
 * frames always follow it and the WAL never starts over: past RESTART_AFTER_PAGES, a RESTART
 * checkpoint (little left to copy by then) holds writers back briefly so the next one rewinds it.
 */
export class WalCheckpointer {
  readonly #worker: Worker;

  constructor(path: string, options: { busyTimeoutMs: number; onError(err: Error): void }) {
    this.#worker = new Worker(SOURCE, { eval: true, workerData: { path, busyTimeoutMs: options.busyTimeoutMs, everyMs: CHECKPOINT_EVERY_MS, restartAfterPages: RESTART_AFTER_PAGES } });
    this.#worker.on('error', options.onError);
    this.#worker.unref();
  }

  /** Closes the worker's connection; the caller's connection, closing last, checkpoints the rest. */
  stop(): void {
    this.#worker.postMessage('stop', []);
  }
}
