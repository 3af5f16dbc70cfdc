import { workerData } from 'node:worker_threads';
import { systemClock } from '../../../platform/clock.ts';
import { openDatabase, sql } from '../../../platform/db/index.ts';
import { createLogger } from '../../../platform/logger.ts';
import { DigestLoop } from '../digest/digest-loop.ts';
import { SourceMapCache } from '../digest/source-map-cache.ts';
import { groupingConfigs } from '../grouping/index.ts';
import { serveThread } from '../../../platform/threads/index.ts';
import { LocalBackend, type AcceptOutcome } from '../ingest/backend.ts';
import type { WriterRequest, WriterSettings } from './messages.ts';

// The writer thread: with its own connection it parses, scrubs and group-commits accepted
// envelopes, and digests them. The main thread keeps serving HTTP, and on SQLite this traffic
// has one writer, so the event loop never waits on the write lock.
const settings = workerData as WriterSettings;
const logger = createLogger({ level: settings.logLevel }).child({ component: 'errortracking-writer' });
const store = openDatabase({ url: settings.databaseUrl, poolSize: settings.poolSize, logger });
// The events table's indexes take random inserts (event ids); a larger page cache keeps them in
// memory. The WAL keeps SQLite's default checkpoint (every 1000 pages): 4096 saved no measurable
// CPU and made each checkpoint, which the writer waits for, a longer pause.
if (settings.dialect === 'sqlite') await sql`pragma cache_size = -65536`.execute(store.db);
const backend = new LocalBackend({ db: store.db, dialect: settings.dialect, logger, maxEventBytes: settings.maxEventBytes });
const loop = settings.digest
  ? new DigestLoop({
      db: store.db,
      dialect: settings.dialect,
      clock: systemClock,
      logger,
      grouping: groupingConfigs,
      sourceMaps: new SourceMapCache(store.db),
      publicUrl: settings.publicUrl,
      batchSize: settings.digestBatchSize,
    })
  : null;
loop?.start();

serveThread<WriterRequest, AcceptOutcome | null>({
  handle: (request) => ('accept' in request ? backend.accept(request.accept) : backend.count(request.count).then(() => null)),
  stop: async () => {
    await backend.drain();
    await loop?.stop();
    await store.close();
  },
});
