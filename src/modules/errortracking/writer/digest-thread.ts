import { workerData } from 'node:worker_threads';
import { systemClock } from '../../../platform/clock.ts';
import { openDatabase, sql } from '../../../platform/db/index.ts';
import { createLogger } from '../../../platform/logger.ts';
import { serveThread } from '../../../platform/threads/index.ts';
import { DigestLoop } from '../digest/digest-loop.ts';
import { SourceMapCache } from '../digest/source-map-cache.ts';
import { groupingConfigs } from '../grouping/index.ts';
import type { DigestSettings } from './messages.ts';

// The digest thread: with its own connection it drains the ingest queue into issues and events,
// beside the writer thread filling it, so neither waits for the other's CPU work.
const settings = workerData as DigestSettings;
const logger = createLogger({ level: settings.logLevel }).child({ component: 'errortracking-digest' });
const store = openDatabase({ url: settings.databaseUrl, poolSize: settings.poolSize, logger });
// The events table's indexes take random inserts (event ids); a larger page cache keeps them in
// memory. The WAL keeps SQLite's default checkpoint (every 1000 pages): 4096 saved no measurable
// CPU and made each checkpoint a longer pause.
if (settings.dialect === 'sqlite') await sql`pragma cache_size = -65536`.execute(store.db);
const loop = new DigestLoop({
  db: store.db,
  dialect: settings.dialect,
  clock: systemClock,
  logger,
  grouping: groupingConfigs,
  sourceMaps: new SourceMapCache(store.db),
  publicUrl: settings.publicUrl,
  batchSize: settings.batchSize,
});
loop.start();

// Nothing to ask of it: the thread runs until told to stop.
serveThread<null, null>({
  handle: async () => null,
  stop: async () => {
    await loop.stop();
    await store.close();
  },
});
