import { workerData } from 'node:worker_threads';
import { openDatabase } from '../../../platform/db/index.ts';
import { createLogger } from '../../../platform/logger.ts';
import { serveThread } from '../../../platform/threads/index.ts';
import { LocalBackend, type AcceptOutcome } from '../ingest/backend.ts';
import type { WriterRequest, WriterSettings } from './messages.ts';

// The writer thread: with its own connection it parses, scrubs and group-commits accepted
// envelopes into the ingest queue (the digest thread drains it). The main thread keeps serving
// HTTP, and its event loop never waits on the write lock.
const settings = workerData as WriterSettings;
const logger = createLogger({ level: settings.logLevel }).child({ component: 'errortracking-writer' });
const store = openDatabase({ url: settings.databaseUrl, poolSize: settings.poolSize, logger });
const backend = new LocalBackend({ db: store.db, dialect: settings.dialect, logger, maxEventBytes: settings.maxEventBytes });

serveThread<WriterRequest, AcceptOutcome | null>({
  handle: (request) => ('accept' in request ? backend.accept(request.accept) : backend.count(request.count).then(() => null)),
  stop: async () => {
    await backend.drain();
    await store.close();
  },
});
