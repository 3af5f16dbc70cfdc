import type { Db, Executor } from '../../platform/db/index.ts';
import { externalMonitorsChangedSince } from '../monitors/index.ts';
import { newHeartbeatRow, reconfigured, type HeartbeatSource } from './heartbeat-row.ts';
import type { HeartbeatsTable } from './schema.ts';
import { heartbeatConfigVersions, heartbeatsByMonitor, insertMissingHeartbeats, writeHeartbeatConfig } from './store.ts';

/** Creates missing rows and applies changed settings, reading whole rows only for those that changed. */
async function ensureIn(db: Executor, monitors: HeartbeatSource[], now: number): Promise<void> {
  const versions = await heartbeatConfigVersions(db, monitors.map((m) => m.id));
  const missing = monitors.filter((m) => !versions.has(m.id));
  await insertMissingHeartbeats(db, missing.map((m) => newHeartbeatRow(m, now)));
  const stale = monitors.filter((m) => versions.has(m.id) && versions.get(m.id) !== m.updatedAt);
  if (stale.length === 0) return;
  const rows = await heartbeatsByMonitor(db, stale.map((m) => m.id));
  await writeHeartbeatConfig(db, stale.flatMap((m) => (rows.has(m.id) ? [reconfigured(rows.get(m.id)!, m, now)] : [])));
}

/**
 * Gives each heartbeat monitor its row (a new ping uuid and push token on first sight) and applies
 * settings changed since the row was written. Idempotent; safe to race.
 */
export async function ensureHeartbeats(db: Executor, monitors: HeartbeatSource[], now: number, options: { rows?: boolean } = {}): Promise<Map<string, HeartbeatsTable>> {
  if (monitors.length === 0) return new Map();
  const run = async (tx: Executor) => {
    await ensureIn(tx, monitors, now);
    return options.rows === false ? new Map<string, HeartbeatsTable>() : heartbeatsByMonitor(tx, monitors.map((m) => m.id));
  };
  return db.isTransaction ? run(db) : (db as Db).transaction().execute(run);
}

/** Where a sync of changed monitors got to: (updatedAt, id) of the last one seen. */
export interface SyncPosition {
  since: number;
  afterId: string;
}

const PAGE = 500;

/**
 * Ensures rows for every heartbeat monitor changed after `position` (less `overlapMs`, to catch
 * changes committed out of clock order); returns the position of the last one seen.
 */
export async function syncChangedHeartbeats(db: Db, position: SyncPosition, now: number, overlapMs = 0): Promise<{ position: SyncPosition; synced: number }> {
  let cursor = overlapMs > 0 ? { since: position.since - overlapMs, afterId: '' } : position;
  let synced = 0;
  for (;;) {
    const page = await externalMonitorsChangedSince(db, { type: 'heartbeat', since: cursor.since, afterId: cursor.afterId, limit: PAGE });
    await ensureHeartbeats(db, page, now, { rows: false });
    synced += page.length;
    if (page.length > 0) {
      const last = page[page.length - 1];
      cursor = { since: last.updatedAt, afterId: last.id };
    }
    if (page.length < PAGE) break;
  }
  const ahead = cursor.since > position.since || (cursor.since === position.since && cursor.afterId > position.afterId);
  return { position: ahead ? cursor : position, synced };
}
