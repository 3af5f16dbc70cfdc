import type { Dialect } from '../../../platform/db/index.ts';
import type { AcceptJob } from '../ingest/backend.ts';
import type { LedgerEntry } from '../ingest/write-ledger.ts';

/** What the writer thread needs to open its own connection and run. */
export interface WriterSettings {
  databaseUrl: string;
  dialect: Dialect;
  poolSize: number;
  logLevel: string;
  publicUrl: string | undefined;
  /** Run the digest loop in the writer thread (processes that run jobs). */
  digest: boolean;
  digestBatchSize: number | undefined;
  maxEventBytes: number;
}

/** An accept answers with its outcome, a count with `null`. */
export type WriterRequest = { accept: AcceptJob } | { count: LedgerEntry };
