import type { Db, Dialect } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Logger } from '../../../platform/logger.ts';
import { GroupCommit } from '../../../platform/group-commit.ts';
import type { IngestKey } from './key-cache.ts';
import { prepareEnvelope, type ClientDiscard, type PreparedEnvelope } from './prepare-envelope.ts';
import { writeLedger, type LedgerEntry } from './write-ledger.ts';

export interface AcceptJob {
  key: IngestKey;
  kind: 'envelope' | 'store';
  /** The inflated body. */
  raw: Uint8Array;
  at: number;
}

export type AcceptOutcome = { ok: true; eventId: string | null; queued: boolean } | { ok: false; code: string; message: string; details?: Record<string, unknown> };

/** Where envelopes are parsed, scrubbed and committed: this thread, or the writer thread. */
export interface IngestBackend {
  /** Validates, scrubs and queues the envelope with its counts; an invalid one is refused (and counted). */
  accept(job: AcceptJob): Promise<AcceptOutcome>;
  /** Commits counts alone (a refusal). */
  count(entry: LedgerEntry): Promise<void>;
  drain(): Promise<void>;
}

export const discardOutcomes = (discards: ClientDiscard[]): LedgerEntry['outcomes'] =>
  discards.map((d) => ({ category: d.category, outcome: 'client_discarded', reason: d.reason, quantity: d.quantity }));

/** What was refused: every item per category, or one `envelope` when it could not be read. */
export function refusalEntry(key: IngestKey, at: number, reason: string, counted: Map<string, number> | null, discards: ClientDiscard[] = []): LedgerEntry {
  const refused: LedgerEntry['outcomes'] = counted ? [...counted].map(([category, quantity]) => ({ category, outcome: 'rejected', reason, quantity })) : [{ category: 'envelope', outcome: 'rejected', reason, quantity: 1 }];
  return { orgId: key.orgId, projectId: key.projectId, keyId: key.keyId, at, queue: null, outcomes: [...refused, ...discardOutcomes(discards)], scrubCounts: {} };
}

function acceptedEntry(key: IngestKey, at: number, prepared: PreparedEnvelope): LedgerEntry {
  const accepted: LedgerEntry['outcomes'] = [...prepared.accepted].filter(([c]) => c !== 'internal').map(([category, quantity]) => ({ category, outcome: 'accepted', reason: '', quantity }));
  return {
    orgId: key.orgId,
    projectId: key.projectId,
    keyId: key.keyId,
    at,
    queue: prepared.body === null ? null : { body: prepared.body, eventCount: prepared.eventCount },
    outcomes: [...accepted, ...discardOutcomes(prepared.clientDiscards)],
    scrubCounts: prepared.scrubCounts,
  };
}

/** Parses, scrubs and group-commits in the calling thread. */
export class LocalBackend implements IngestBackend {
  readonly #commit: GroupCommit<LedgerEntry>;
  readonly #maxEventBytes: number;

  constructor(options: { db: Db; dialect: Dialect; logger: Logger; maxEventBytes: number }) {
    this.#maxEventBytes = options.maxEventBytes;
    this.#commit = new GroupCommit<LedgerEntry>({
      name: 'ingest',
      maxBatch: 500,
      maxBatchBytes: 4 * 1024 * 1024,
      // In the writer thread requests arrive a message per turn of the HTTP thread; a millisecond
      // gathers several messages into one commit.
      maxWaitMs: 1,
      write: (entries) => writeLedger(options.db, entries),
      sizeOf: (e) => 200 + (e.queue?.body.length ?? 0),
      logger: options.logger,
      concurrency: options.dialect === 'sqlite' ? 1 : 4,
    });
  }

  async accept(job: AcceptJob): Promise<AcceptOutcome> {
    const raw = Buffer.from(job.raw.buffer, job.raw.byteOffset, job.raw.byteLength);
    let prepared: PreparedEnvelope;
    try {
      prepared = prepareEnvelope(job.kind, raw, job.key, { maxEventBytes: this.#maxEventBytes });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      await this.#commit.submit(refusalEntry(job.key, job.at, err.code.toLowerCase(), null));
      return { ok: false, code: err.code, message: err.message, details: err.details };
    }
    await this.#commit.submit(acceptedEntry(job.key, job.at, prepared));
    return { ok: true, eventId: prepared.eventId, queued: prepared.body !== null };
  }

  count(entry: LedgerEntry): Promise<void> {
    return this.#commit.submit(entry);
  }

  drain(): Promise<void> {
    return this.#commit.drain();
  }
}
