import { sql, type Dialect, type Executor } from '../../platform/db/index.ts';
import type { JobTables } from '../../platform/jobs/index.ts';
import { NOTIFICATION_SEND } from './message.ts';
import { FINAL_STATES, type DeliveriesTable, type DispatchesTable } from './schema.ts';
import { notificationsDb } from './store.ts';

export async function findDelivery(db: Executor, id: string): Promise<DeliveriesTable | undefined> {
  return notificationsDb(db).selectFrom('notification_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Writes a delivery's progress: creates the row on the first write, later moves it on unless it
 * already reached a final state (a zombie attempt never overwrites one). False when it did not move.
 */
export async function saveDelivery(db: Executor, row: DeliveriesTable, changes: Partial<DeliveriesTable>): Promise<boolean> {
  const r = await notificationsDb(db)
    .insertInto('notification_deliveries')
    .values({ ...row, ...changes })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet(changes)
        .where('notification_deliveries.state', 'not in', [...FINAL_STATES] as DeliveriesTable['state'][]),
    )
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function deliveriesOfDispatch(db: Executor, dispatchId: string): Promise<DeliveriesTable[]> {
  return notificationsDb(db).selectFrom('notification_deliveries').selectAll().where('dispatch_id', '=', dispatchId).where('fallback', '=', 0).execute();
}

/** Serializes the closing moves of one dispatch (row lock on PostgreSQL, the single writer on SQLite). */
export async function lockDispatch(db: Executor, dialect: Dialect, orgId: string, dispatchId: string, now: number): Promise<DispatchesTable> {
  const q = notificationsDb(db);
  await q.insertInto('notification_dispatches').values({ id: dispatchId, org_id: orgId, settled_at: null, outcome: null, created_at: now }).onConflict((oc) => oc.column('id').doNothing()).execute();
  return q
    .selectFrom('notification_dispatches')
    .selectAll()
    .where('id', '=', dispatchId)
    .$if(dialect === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirstOrThrow();
}

export async function settleDispatchRow(db: Executor, dispatchId: string, now: number, outcome: string): Promise<void> {
  await notificationsDb(db).updateTable('notification_dispatches').set({ settled_at: now, outcome }).where('id', '=', dispatchId).execute();
}

export const dispatchKeyPrefix = (dispatchId: string) => `notify:${dispatchId}:`;

/**
 * Idempotency keys of this dispatch's delivery jobs that the runner still holds or will run.
 * The alerts module enqueues one job per channel with the key `notify:<dispatchId>:<channelId>`.
 */
export async function openJobKeysOfDispatch(db: Executor, dispatchId: string): Promise<string[]> {
  const pattern = `${dispatchKeyPrefix(dispatchId).replace(/[\\%_]/g, '\\$&')}%`;
  const rows = await db
    .withTables<JobTables>()
    .selectFrom('jobs')
    .select('idempotency_key')
    .where('status', 'in', ['pending', 'running'])
    .where('kind', '=', NOTIFICATION_SEND)
    .where(sql<boolean>`idempotency_key like ${pattern} escape '\\'`)
    .execute();
  return rows.map((r) => r.idempotency_key!).filter(Boolean);
}

/**
 * Reserves the channel's next send slot: the later of now and the slot after the previous send.
 * Returns the reserved time; when it lies ahead, the caller defers the job to it.
 */
export async function reserveSendSlot(db: Executor, dialect: Dialect, channelId: string, now: number, intervalMs: number): Promise<number> {
  const q = notificationsDb(db);
  await q.insertInto('notification_rate_limits').values({ channel_id: channelId, next_allowed_at: 0 }).onConflict((oc) => oc.column('channel_id').doNothing()).execute();
  const row = await q
    .selectFrom('notification_rate_limits')
    .select('next_allowed_at')
    .where('channel_id', '=', channelId)
    .$if(dialect === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirstOrThrow();
  const slot = Math.max(now, Number(row.next_allowed_at));
  await q.updateTable('notification_rate_limits').set({ next_allowed_at: slot + intervalMs }).where('channel_id', '=', channelId).execute();
  return slot;
}

export async function readThread(db: Executor, channelId: string, threadKey: string): Promise<unknown> {
  const row = await notificationsDb(db).selectFrom('notification_threads').select('value').where('channel_id', '=', channelId).where('thread_key', '=', threadKey).executeTakeFirst();
  return row ? JSON.parse(row.value) : null;
}

export async function writeThread(db: Executor, orgId: string, channelId: string, threadKey: string, value: unknown, now: number): Promise<void> {
  const json = JSON.stringify(value);
  await notificationsDb(db)
    .insertInto('notification_threads')
    .values({ channel_id: channelId, thread_key: threadKey, org_id: orgId, value: json, updated_at: now })
    .onConflict((oc) => oc.columns(['channel_id', 'thread_key']).doUpdateSet({ value: json, updated_at: now }))
    .execute();
}
