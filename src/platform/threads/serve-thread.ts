import { parentPort } from 'node:worker_threads';
import type { FromThread, ThreadResult, ToThread } from './messages.ts';

export interface ServeThreadOptions<Req, Res> {
  handle(request: Req): Promise<Res>;
  /** Finishes the work in hand and closes what the thread opened. */
  stop(): Promise<void>;
}

/**
 * The thread side of a `ThreadClient`: handles each request as it arrives; answers settled in the
 * same turn travel back in one message.
 */
export function serveThread<Req, Res>({ handle, stop }: ServeThreadOptions<Req, Res>): void {
  const port = parentPort;
  if (!port) throw new Error('serveThread runs in a worker thread');
  // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker_threads port, not window.postMessage
  const send = (message: FromThread<Res>) => port.postMessage(message);
  let results: ThreadResult<Res>[] = [];
  const answer = (result: ThreadResult<Res>) => {
    if (results.length === 0) {
      queueMicrotask(() => {
        send({ type: 'results', results });
        results = [];
      });
    }
    results.push(result);
  };
  port.on('message', (message: ToThread<Req>) => {
    if (message.type === 'stop') {
      void stop().then(() => send({ type: 'stopped' }));
      return;
    }
    for (const [id, request] of message.requests) {
      handle(request).then(
        (value) => answer([id, true, value]),
        (err: unknown) => answer([id, false, err instanceof Error ? err.message : String(err)]),
      );
    }
  });
}
