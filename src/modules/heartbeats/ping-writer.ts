import type { Runtime } from '../../platform/runtime.ts';
import { ThreadClient } from '../../platform/threads/index.ts';
import { recordPings, type PingRequest, type PingResult } from './record-pings.ts';

export interface PingWriterSettings {
  databaseUrl: string;
  logLevel: string;
}

export interface PingWriteRequest {
  now: number;
  pings: PingRequest[];
}

export interface PingWriteAnswer {
  results: PingResult[];
  /** What the batch published, for the main thread's bus. */
  published: [topic: string, payload: unknown][];
}

export interface PingWriter {
  /** Writes on a thread of its own. */
  threaded: boolean;
  write(pings: PingRequest[]): Promise<PingResult[]>;
  stop(): Promise<void>;
}

/**
 * Where ping batches are written. On a SQLite file, a thread of their own with its own connection:
 * the SQLite work of a ping costs about as much CPU as answering it, and the main thread's event
 * loop then only parses and answers. State changes are published here once the thread committed.
 */
export function pingWriterFor(runtime: Runtime, options: { thread?: boolean } = {}): PingWriter {
  const url = runtime.config.databaseUrl;
  if (options.thread === false || runtime.dialect !== 'sqlite' || url.includes(':memory:')) {
    return {
      threaded: false,
      write: (pings) => recordPings({ db: runtime.db, dialect: runtime.dialect, bus: runtime.bus, now: runtime.clock.now() }, pings),
      stop: async () => undefined,
    };
  }
  const settings: PingWriterSettings = { databaseUrl: url, logLevel: runtime.config.logLevel };
  const thread = new ThreadClient<PingWriteRequest, PingWriteAnswer>({
    entry: new URL('./ping-writer-thread.ts', import.meta.url),
    workerData: settings,
    logger: runtime.logger.child({ component: 'pings' }),
    name: 'ping writer',
  });
  return {
    threaded: true,
    write: async (pings) => {
      const { results, published } = await thread.request({ now: runtime.clock.now(), pings });
      for (const [topic, payload] of published) runtime.bus.publish(topic, payload);
      return results;
    },
    stop: () => thread.stop(),
  };
}
