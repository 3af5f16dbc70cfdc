import { workerData } from 'node:worker_threads';
import { Bus } from '../../platform/bus.ts';
import { openDatabase } from '../../platform/db/index.ts';
import { createLogger } from '../../platform/logger.ts';
import { serveThread } from '../../platform/threads/index.ts';
import type { PingWriteAnswer, PingWriteRequest, PingWriterSettings } from './ping-writer.ts';
import { recordPings } from './record-pings.ts';

class CollectingBus extends Bus {
  readonly published: [string, unknown][] = [];

  override publish<T>(topic: string, payload: T): void {
    this.published.push([topic, payload]);
  }
}

// The ping writer's thread (see ping-writer.ts): records the batches on its own connection.
const settings = workerData as PingWriterSettings;
const logger = createLogger({ level: settings.logLevel }).child({ component: 'ping-writer' });
const store = openDatabase({ url: settings.databaseUrl, poolSize: 1, logger });
serveThread<PingWriteRequest, PingWriteAnswer>({
  handle: async ({ now, pings }) => {
    const bus = new CollectingBus();
    // A body arrives as a Uint8Array: structured cloning keeps the bytes, not Buffer's prototype.
    const received = pings.map((p) => (p.body ? { ...p, body: Buffer.from(p.body.buffer, p.body.byteOffset, p.body.byteLength) } : p));
    const results = await recordPings({ db: store.db, dialect: 'sqlite', bus, now }, received);
    return { results, published: bus.published };
  },
  stop: () => store.close(),
});
