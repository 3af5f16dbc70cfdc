import { CompiledQuery, type ExpressionBuilder } from 'kysely';
import type { Dialect, Executor } from '../db/index.ts';
import { newId } from '../ids.ts';
import type { JobsTable, JobTables } from './schema.ts';

export interface EnqueueJobInput {
  kind: string;
  payload?: unknown;
  dueAt: number;
  orgId?: string | null;
  /** A second enqueue with the same key is a no-op: the first job stands. */
  idempotencyKey?: string;
  maxAttempts?: number;
}

export interface Job<P = unknown> {
  id: string;
  kind: string;
  orgId: string | null;
  payload: P;
  dueAt: number;
  attempts: number;
  maxAttempts: number;
  leaseOwner: string;
  idempotencyKey: string | null;
}

const tables = (db: Executor) => db.withTables<JobTables>();

/** Adds a job; returns its id, or null when a job with the same idempotency key already exists. */
export async function enqueueJob(db: Executor, now: number, input: EnqueueJobInput): Promise<string | null> {
  const id = newId(now);
  const result = await tables(db)
    .insertInto('jobs')
    .values({
      id,
      kind: input.kind,
      org_id: input.orgId ?? null,
      payload: JSON.stringify(input.payload ?? null),
      status: 'pending',
      due_at: input.dueAt,
      attempts: 0,
      max_attempts: input.maxAttempts ?? 10,
      lease_owner: null,
      lease_expires_at: null,
      idempotency_key: input.idempotencyKey ?? null,
      last_error: null,
      created_at: now,
      updated_at: now,
      finished_at: null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0 ? id : null;
}

function toJob(row: JobsTable): Job {
  return {
    id: row.id,
    kind: row.kind,
    orgId: row.org_id,
    payload: JSON.parse(row.payload),
    dueAt: row.due_at,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    leaseOwner: row.lease_owner ?? '',
    idempotencyKey: row.idempotency_key,
  };
}

type JobFilter = (eb: ExpressionBuilder<JobTables, 'jobs'>) => ReturnType<ExpressionBuilder<JobTables, 'jobs'>['and']>;

async function claimWhere(
  db: Executor,
  dialect: Dialect,
  options: { owner: string; now: number; leaseMs: number; kinds: string[] },
  limit: number,
  filter: JobFilter,
  order: 'due_at' | 'lease_expires_at',
): Promise<JobsTable[]> {
  const { owner, now, leaseMs, kinds } = options;
  const q = tables(db);
  const candidates = q
    .selectFrom('jobs')
    .select('id')
    .where(filter)
    .where('kind', 'in', kinds)
    .orderBy(order)
    .limit(limit)
    .$if(dialect === 'postgres', (qb) => qb.forUpdate().skipLocked());
  return q
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      lease_owner: owner,
      lease_expires_at: now + leaseMs,
      attempts: eb('attempts', '+', 1),
      updated_at: now,
    }))
    .where('id', 'in', candidates)
    .returningAll()
    .execute();
}

const dueTexts = new Map<number, string>();

/**
 * The SQLite claim of due jobs: each kind's due jobs are sought on the (status, kind, due_at) index
 * and only `limit` of each are merged, where one index walk in due order would step over every due
 * job of other kinds (a backlog of a batch kind, or of a kind this worker does not run) each time.
 */
function dueClaimText(kinds: number): string {
  let text = dueTexts.get(kinds);
  if (text === undefined) {
    const perKind = `select id, due_at from (select id, due_at from jobs where status = 'pending' and kind = ? and due_at <= ? order by due_at limit ?)`;
    text = `update jobs set status = 'running', lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1, updated_at = ?
      where id in (select id from (${Array.from({ length: kinds }, () => perKind).join(' union all ')}) order by due_at limit ?) returning *`;
    if (dueTexts.size >= 64) dueTexts.clear();
    dueTexts.set(kinds, text);
  }
  return text;
}

async function claimDueOnSqlite(db: Executor, options: { owner: string; now: number; leaseMs: number; kinds: string[] }, limit: number): Promise<JobsTable[]> {
  const { owner, now, leaseMs, kinds } = options;
  const parameters: unknown[] = [owner, now + leaseMs, now];
  for (const kind of kinds) parameters.push(kind, now, limit);
  parameters.push(limit);
  return (await db.executeQuery<JobsTable>(CompiledQuery.raw(dueClaimText(kinds.length), parameters))).rows as JobsTable[];
}

/**
 * Claims up to `limit` due jobs (or jobs whose lease expired) for `owner`.
 * PostgreSQL skips rows other workers hold; SQLite runs the statement atomically under its single writer.
 */
export async function claimJobs(
  db: Executor,
  dialect: Dialect,
  options: { owner: string; now: number; leaseMs: number; limit: number; kinds: string[]; expired?: boolean },
): Promise<Job[]> {
  const { now, limit, kinds } = options;
  if (kinds.length === 0 || limit <= 0) return [];
  // Two claims, each walking its own index in order and stopping at the limit: jobs whose lease
  // expired (rare), then due pending jobs oldest first. One query with an OR of both would have
  // to sort every due job on every claim, which grows with the backlog.
  const expired = options.expired === false ? [] : await claimWhere(db, dialect, options, limit, (eb) => eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<=', now)]), 'lease_expires_at');
  const left = limit - expired.length;
  const due =
    left <= 0
      ? []
      : dialect === 'sqlite'
        ? await claimDueOnSqlite(db, options, left)
        : await claimWhere(db, dialect, options, left, (eb) => eb.and([eb('status', '=', 'pending'), eb('due_at', '<=', now)]), 'due_at');
  const rows = [...expired, ...due];
  return rows.map(toJob).sort((a, b) => a.dueAt - b.dueAt);
}

const ownedBy = (job: Job) => (eb: ExpressionBuilder<JobTables, 'jobs'>) => eb.and([eb('id', '=', job.id), eb('lease_owner', '=', job.leaseOwner), eb('attempts', '=', job.attempts), eb('status', '=', 'running')]);

/** Marks the job done, only if this claim still holds it. Returns false when the lease was lost. */
export async function completeJob(db: Executor, job: Job, now: number): Promise<boolean> {
  const r = await tables(db)
    .updateTable('jobs')
    .set({ status: 'done', finished_at: now, updated_at: now, lease_owner: null, lease_expires_at: null, last_error: null })
    .where(ownedBy(job))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Marks the jobs done in one statement, each only if its claim still holds it; returns the ids that were. */
export async function completeJobs(db: Executor, jobs: Job[], now: number): Promise<Set<string>> {
  if (jobs.length === 0) return new Set();
  const rows = await tables(db)
    .updateTable('jobs')
    .set({ status: 'done', finished_at: now, updated_at: now, lease_owner: null, lease_expires_at: null, last_error: null })
    .where((eb) => eb.or(jobs.map((job) => ownedBy(job)(eb))))
    .returning('id')
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Schedules a retry at `retryAt`, or fails the job for good when `retryAt` is null. */
export async function failJob(db: Executor, job: Job, now: number, error: string, retryAt: number | null): Promise<boolean> {
  const r = await tables(db)
    .updateTable('jobs')
    .set(
      retryAt === null
        ? { status: 'failed', finished_at: now, updated_at: now, lease_owner: null, lease_expires_at: null, last_error: error.slice(0, 2000) }
        : { status: 'pending', due_at: retryAt, updated_at: now, lease_owner: null, lease_expires_at: null, last_error: error.slice(0, 2000) },
    )
    .where(ownedBy(job))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Hands unfinished jobs back at shutdown without counting the attempt. */
export async function releaseJobs(db: Executor, jobs: Job[], now: number): Promise<void> {
  for (const job of jobs) {
    await tables(db)
      .updateTable('jobs')
      .set((eb) => ({ status: 'pending', lease_owner: null, lease_expires_at: null, updated_at: now, attempts: eb('attempts', '-', 1) }))
      .where(ownedBy(job))
      .execute();
  }
}

export async function extendLeases(db: Executor, owner: string, ids: string[], until: number): Promise<void> {
  if (ids.length === 0) return;
  await tables(db)
    .updateTable('jobs')
    .set({ lease_expires_at: until })
    .where('id', 'in', ids)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .execute();
}

export async function countDueJobs(db: Executor, now: number): Promise<number> {
  const row = await tables(db)
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .where('due_at', '<=', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function getJob(db: Executor, id: string): Promise<JobsTable | undefined> {
  return tables(db).selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}
