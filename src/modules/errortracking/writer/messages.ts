import type { Dialect } from '../../../platform/db/index.ts';
import type { AcceptJob, AcceptOutcome } from '../ingest/backend.ts';
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

export type WriterRequest = { id: number; accept: AcceptJob } | { id: number; count: LedgerEntry };
export type ToWriter = { type: 'work'; requests: WriterRequest[] } | { type: 'stop' };
/** `null` answers a count; a failure is an error message (nothing was committed). */
export type WriterResult = [id: number, outcome: AcceptOutcome | null | { failed: string }];
export type FromWriter = { type: 'results'; results: WriterResult[] } | { type: 'stopped' };
