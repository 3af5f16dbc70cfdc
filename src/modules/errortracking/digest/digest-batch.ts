import type { Clock } from '../../../platform/clock.ts';
import type { Db, Executor } from '../../../platform/db/index.ts';
import { enqueueJob } from '../../../platform/jobs/index.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { GroupingConfigs } from '../grouping/index.ts';
import type { QueueRow, ErrorProjectsTable } from '../schema.ts';
import { paddedList } from '../sql-chunks.ts';
import { errorsDb } from '../store.ts';
import { assignIssues, changedSince, withoutStored, type IssueChange } from './assign-issues.ts';
import { applyRules, planRules, type RuleRaise } from './evaluate-rules.ts';
import { prepareEvents, yieldToLoop, type DigestEvent, type PreparedRow } from './prepare-events.ts';
import type { SourceMapCache } from './source-map-cache.ts';
import { writeDigest } from './write-digest.ts';

export const FORWARD_JOB = 'errortracking.forward';
/** A row that fails this many digests is parked as `failed` (kept, counted, never silently dropped). */
export const MAX_DIGEST_ATTEMPTS = 5;

export interface DigestDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  grouping: GroupingConfigs;
  sourceMaps: SourceMapCache;
  publicUrl: string | undefined;
}

export interface DigestSummary {
  rows: number;
  events: number;
  duplicates: number;
  issuesCreated: number;
  regressions: number;
  alerts: number;
  forwarded: number;
  failedRows: number;
}

const empty = (): DigestSummary => ({ rows: 0, events: 0, duplicates: 0, issuesCreated: 0, regressions: 0, alerts: 0, forwarded: 0, failedRows: 0 });

/** Whether accepted events wait to be digested (a restart after a burst). */
export async function hasQueuedEvents(db: Executor): Promise<boolean> {
  return (await errorsDb(db).selectFrom('error_ingest_queue').select('seq').where('status', '=', 'queued').limit(1).executeTakeFirst()) !== undefined;
}

async function readQueue(db: Executor, limit: number): Promise<QueueRow[]> {
  return errorsDb(db).selectFrom('error_ingest_queue').selectAll().where('status', '=', 'queued').orderBy('seq').limit(limit).execute();
}

async function projectsOf(db: Executor, rows: QueueRow[]): Promise<Map<string, ErrorProjectsTable>> {
  const ids = [...new Set(rows.map((r) => r.project_id))];
  const projects = ids.length ? await errorsDb(db).selectFrom('error_projects').selectAll().where('id', 'in', paddedList(ids)).execute() : [];
  return new Map(projects.map((p) => [p.id, p]));
}

/**
 * Digests up to `limit` queued envelopes in one transaction: events become issues and facets,
 * rules raise alerts, forwarding jobs are queued, and the rows leave the queue, all or nothing.
 * A batch that fails is retried row by row, so one bad row cannot stall the queue.
 */
export async function digestBatch(deps: DigestDeps, limit = 500): Promise<DigestSummary> {
  const rows = await readQueue(deps.db, limit);
  if (rows.length === 0) return empty();
  const projects = await projectsOf(deps.db, rows);
  const prepared = await prepareEvents(rows, projects, { grouping: deps.grouping, sourceMaps: deps.sourceMaps, now: deps.clock.now() });
  try {
    return await commit(deps, prepared, projects);
  } catch (err) {
    if (prepared.length === 1) {
      await recordFailure(deps.db, deps, prepared[0].row, err instanceof Error ? err.message : String(err));
      return { ...empty(), rows: 1, failedRows: 1 };
    }
    deps.logger.warn({ err, rows: prepared.length }, 'digest batch failed; digesting its rows one by one');
  }
  const total = empty();
  for (const one of prepared) {
    let summary: DigestSummary;
    try {
      summary = await commit(deps, [one], projects);
    } catch (err) {
      await recordFailure(deps.db, deps, one.row, err instanceof Error ? err.message : String(err));
      summary = { ...empty(), rows: 1, failedRows: 1 };
    }
    for (const k of Object.keys(total) as (keyof DigestSummary)[]) total[k] += summary[k];
  }
  return total;
}

interface Plan {
  unique: DigestEvent[];
  changes: IssueChange[];
  raises: RuleRaise[];
}

async function plan(db: Executor, deps: DigestDeps, events: DigestEvent[], projects: Map<string, ErrorProjectsTable>, now: number): Promise<Plan> {
  const unique = await withoutStored(db, events);
  const changes = [...(await assignIssues(db, unique, now)).values()];
  const raises = await planRules(db, changes, projects, { now, publicUrl: deps.publicUrl });
  return { unique, changes, raises };
}

/**
 * Reads and decides before the write transaction, which then only writes: ingest commits share
 * the connection and wait for it. One process digests (the lease), so only a person changing an
 * issue meanwhile can invalidate the plan; then it is made again inside the transaction.
 */
async function commit(deps: DigestDeps, prepared: PreparedRow[], projects: Map<string, ErrorProjectsTable>): Promise<DigestSummary> {
  const now = deps.clock.now();
  const good = prepared.filter((p) => p.error === null);
  const events = good.flatMap((p) => p.events);
  await yieldToLoop();
  const outside = await plan(deps.db, deps, events, projects, now);
  await yieldToLoop();
  return deps.db.transaction().execute(async (tx) => {
    const summary = { ...empty(), rows: prepared.length };
    for (const bad of prepared.filter((p) => p.error !== null)) {
      await recordFailure(tx, deps, bad.row, bad.error!);
      summary.failedRows++;
    }
    const { unique, changes, raises } = (await changedSince(tx, outside.changes)) ? await plan(tx, deps, events, projects, now) : outside;
    await writeDigest(tx, changes);
    summary.events = unique.length;
    summary.duplicates = events.length - unique.length;
    summary.issuesCreated = changes.filter((c) => c.isNew).length;
    summary.regressions = changes.filter((c) => c.regressed).length;
    summary.alerts = await applyRules(tx, raises, { now, publicUrl: deps.publicUrl });
    for (const p of good) {
      if (!projects.get(p.row.project_id)?.forward_dsn) continue;
      await enqueueJob(tx, now, {
        kind: FORWARD_JOB,
        orgId: p.row.org_id,
        payload: { orgId: p.row.org_id, projectId: p.row.project_id, body: p.row.body },
        dueAt: now,
        idempotencyKey: `${FORWARD_JOB}:${p.row.project_id}:${p.row.seq}:${p.row.received_at}`,
        maxAttempts: 12,
      });
      summary.forwarded++;
    }
    await writeScrubCounts(tx, good, now);
    const seqs = good.map((p) => Number(p.row.seq));
    for (let i = 0; i < seqs.length; i += 1024) {
      const chunk = seqs.slice(i, i + 1024);
      const r = await errorsDb(tx).deleteFrom('error_ingest_queue').where('seq', 'in', paddedList(chunk)).where('status', '=', 'queued').executeTakeFirst();
      if (Number(r.numDeletedRows) !== chunk.length) throw new Error('queue rows were digested by another worker; rolling back');
    }
    return summary;
  });
}

async function writeScrubCounts(db: Executor, rows: PreparedRow[], now: number): Promise<void> {
  const counts = new Map<string, { org_id: string; project_id: string; rule: string; count: number; updated_at: number }>();
  for (const p of rows) {
    for (const [rule, n] of Object.entries(p.scrubCounts)) {
      const id = `${p.row.project_id}\0${rule}`;
      const c = counts.get(id) ?? { org_id: p.row.org_id, project_id: p.row.project_id, rule, count: 0, updated_at: now };
      c.count += n;
      counts.set(id, c);
    }
  }
  if (counts.size === 0) return;
  await errorsDb(db)
    .insertInto('error_scrub_counts')
    .values([...counts.values()])
    .onConflict((oc) => oc.columns(['project_id', 'rule']).doUpdateSet((eb) => ({ count: eb('error_scrub_counts.count', '+', eb.ref('excluded.count')), updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}

/** Counts a failed attempt; at the limit the row is parked as `failed` and counted as such. */
async function recordFailure(db: Executor, deps: Pick<DigestDeps, 'clock' | 'logger'>, row: QueueRow, error: string): Promise<void> {
  const attempts = Number(row.attempts) + 1;
  const parked = attempts >= MAX_DIGEST_ATTEMPTS;
  deps.logger.warn({ seq: row.seq, attempts, parked, error }, 'queued envelope could not be digested');
  const write = async (tx: Executor) => {
    await errorsDb(tx)
      .updateTable('error_ingest_queue')
      .set({ attempts, last_error: error.slice(0, 2000), status: parked ? 'failed' : 'queued' })
      .where('seq', '=', row.seq)
      .execute();
    if (!parked) return;
    const hour = Math.floor(deps.clock.now() / 3_600_000) * 3_600_000;
    await errorsDb(tx)
      .insertInto('error_outcomes')
      .values({ org_id: row.org_id, project_id: row.project_id, key_id: row.key_id, hour, category: 'error', outcome: 'failed', reason: 'digest_error', quantity: Number(row.event_count) })
      .onConflict((oc) => oc.columns(['project_id', 'key_id', 'hour', 'category', 'outcome', 'reason']).doUpdateSet((eb) => ({ quantity: eb('error_outcomes.quantity', '+', eb.ref('excluded.quantity')) })))
      .execute();
  };
  if (db.isTransaction) await write(db);
  else await (db as Db).transaction().execute(write);
}
