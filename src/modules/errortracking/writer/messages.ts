import type { Dialect } from '../../../platform/db/index.ts';
import type { AcceptJob } from '../ingest/backend.ts';
import type { LedgerEntry } from '../ingest/write-ledger.ts';

/** What a thread needs to open its own connection. */
interface ThreadDatabase {
  databaseUrl: string;
  dialect: Dialect;
  poolSize: number;
  logLevel: string;
}

export interface WriterSettings extends ThreadDatabase {
  maxEventBytes: number;
}

export interface DigestSettings extends ThreadDatabase {
  publicUrl: string | undefined;
  batchSize: number | undefined;
}

/** An accept answers with its outcome, a count with `null`. */
export type WriterRequest = { accept: AcceptJob } | { count: LedgerEntry };
