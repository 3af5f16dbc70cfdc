import type { CoverageGapsTable, HealthState, MonitorState } from '../schema.ts';

export interface ResultRecord {
  orgId: string;
  monitorId: string;
  at: number;
  outcome: 'up' | 'degraded' | 'down';
  latencyMs: number;
  errorCode: string | null;
  message: string | null;
  timings: string | null;
  details: string | null;
}

/** The monitor's state columns after its latest check; the newest one per monitor wins. */
export interface MonitorUpdate {
  id: string;
  orgId: string;
  state: MonitorState;
  stateSince: number;
  stateReason: string | null;
  health: HealthState;
  failures: number;
  successes: number;
  lastCheckAt: number | null;
  lastOutcome: string | null;
  lastLatencyMs: number | null;
  nextDueAt: number;
}

export interface FlipRecord {
  id: string;
  orgId: string;
  monitorId: string;
  at: number;
  from: MonitorState;
  to: MonitorState;
  reason: Record<string, unknown>;
}

export interface GapRecord {
  id: string;
  orgId: string;
  monitorId: string;
  fromAt: number;
  toAt: number;
  missed: number;
  cause: CoverageGapsTable['cause'];
  detail: string | null;
}

export interface CertRecord {
  orgId: string;
  monitorId: string;
  fingerprint: string;
  subject: string;
  issuer: string;
  serial: string;
  keyType: string | null;
  notBefore: number | null;
  notAfter: number;
  seenAt: number;
}

export interface Batch {
  results: ResultRecord[];
  updates: Map<string, MonitorUpdate>;
  flips: FlipRecord[];
  gaps: GapRecord[];
  certs: Map<string, CertRecord>;
}

export const emptyBatch = (): Batch => ({ results: [], updates: new Map(), flips: [], gaps: [], certs: new Map() });

/** Merges a batch that failed to write back in front of what arrived since, keeping newer monitor states. */
export function mergeBack(failed: Batch, current: Batch): Batch {
  const updates = new Map(failed.updates);
  for (const [id, u] of current.updates) updates.set(id, u);
  const certs = new Map(failed.certs);
  for (const [k, c] of current.certs) certs.set(k, c);
  return {
    results: failed.results.concat(current.results),
    updates,
    flips: failed.flips.concat(current.flips),
    gaps: failed.gaps.concat(current.gaps),
    certs,
  };
}

/**
 * Splits off at most `limit` rows of each kind, so a backlog (a schedule load with thousands of
 * gaps) is written in short transactions that never hold the database or the event loop for long.
 * Monitors flipping in the head keep their state update in the head.
 */
export function splitBatch(batch: Batch, limit: number): { head: Batch; rest: Batch } {
  const small = batch.results.length <= limit && batch.updates.size <= limit && batch.flips.length <= limit && batch.gaps.length <= limit && batch.certs.size <= limit;
  if (small) return { head: batch, rest: emptyBatch() };
  const head = emptyBatch();
  const rest = emptyBatch();
  head.results = batch.results.slice(0, limit);
  rest.results = batch.results.slice(limit);
  head.flips = batch.flips.slice(0, limit);
  rest.flips = batch.flips.slice(limit);
  head.gaps = batch.gaps.slice(0, limit);
  rest.gaps = batch.gaps.slice(limit);
  const flipping = new Set(head.flips.map((f) => f.monitorId));
  for (const [id, u] of batch.updates) (flipping.has(id) || head.updates.size < limit ? head.updates : rest.updates).set(id, u);
  for (const [k, c] of batch.certs) (head.certs.size < limit ? head.certs : rest.certs).set(k, c);
  return { head, rest };
}
