import { sql, type Db } from '../../../platform/db/index.ts';
import type { RedactionCounts } from '../../../platform/redact/index.ts';
import type { ErrorOutcomesTable } from '../schema.ts';
import { fixedChunks } from '../sql-chunks.ts';
import { errorsDb } from '../store.ts';

export interface LedgerEntry {
  orgId: string;
  projectId: string;
  keyId: string;
  at: number;
  /** The envelope to digest, or null for an entry that only counts (a rejection, sessions only). */
  queue: { body: string; eventCount: number } | null;
  outcomes: { category: string; outcome: ErrorOutcomesTable['outcome']; reason: string; quantity: number }[];
  scrubCounts: RedactionCounts;
}

const HOUR = 3_600_000;

/**
 * One transaction for a batch of ingest requests: their queue rows, their outcome counts and
 * their scrub counts. A request is answered only after this commits.
 */
export async function writeLedger(db: Db, entries: LedgerEntry[]): Promise<void> {
  const rows = entries.filter((e) => e.queue !== null);
  const outcomes = new Map<string, ErrorOutcomesTable>();
  const scrubs = new Map<string, { org_id: string; project_id: string; rule: string; count: number; updated_at: number }>();
  for (const e of entries) {
    const hour = Math.floor(e.at / HOUR) * HOUR;
    for (const o of e.outcomes) {
      const id = `${e.projectId}\0${e.keyId}\0${hour}\0${o.category}\0${o.outcome}\0${o.reason}`;
      const row = outcomes.get(id);
      if (row) row.quantity += o.quantity;
      else outcomes.set(id, { org_id: e.orgId, project_id: e.projectId, key_id: e.keyId, hour, category: o.category, outcome: o.outcome, reason: o.reason, quantity: o.quantity });
    }
    for (const [rule, count] of Object.entries(e.scrubCounts)) {
      const id = `${e.projectId}\0${rule}`;
      const row = scrubs.get(id);
      if (row) row.count += count;
      else scrubs.set(id, { org_id: e.orgId, project_id: e.projectId, rule, count, updated_at: e.at });
    }
  }
  await db.transaction().execute(async (trx) => {
    const q = errorsDb(trx);
    // The hot path: a plain statement per chunk; fixed chunk sizes keep its text in the statement cache.
    for (const chunk of fixedChunks(rows)) {
      const values = chunk.map((e) => sql`(${e.orgId}, ${e.projectId}, ${e.keyId}, ${e.at}, ${e.queue!.eventCount}, ${e.queue!.body}, 'queued', 0)`);
      await sql`insert into error_ingest_queue (org_id, project_id, key_id, received_at, event_count, body, status, attempts) values ${sql.join(values)}`.execute(trx);
    }
    for (const chunk of fixedChunks([...outcomes.values()])) {
      await q
        .insertInto('error_outcomes')
        .values(chunk)
        .onConflict((oc) => oc.columns(['project_id', 'key_id', 'hour', 'category', 'outcome', 'reason']).doUpdateSet((eb) => ({ quantity: eb('error_outcomes.quantity', '+', eb.ref('excluded.quantity')) })))
        .execute();
    }
    for (const chunk of fixedChunks([...scrubs.values()])) {
      await q
        .insertInto('error_scrub_counts')
        .values(chunk)
        .onConflict((oc) => oc.columns(['project_id', 'rule']).doUpdateSet((eb) => ({ count: eb('error_scrub_counts.count', '+', eb.ref('excluded.count')), updated_at: eb.ref('excluded.updated_at') })))
        .execute();
    }
  });
}
