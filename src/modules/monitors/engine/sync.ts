import type { Db } from '../../../platform/db/index.ts';
import { activeMonitorIds, activeMonitorPages, countAllMonitors, loadActiveWindows, monitorsByIds, monitorsChangedSince, pausedMonitorIds } from './engine-store.ts';
import type { Schedule } from './schedule.ts';

/** Fills the schedule from the database at start or takeover; returns how many monitors got a `process_down` gap. */
export async function loadSchedule(db: Db, schedule: Schedule, now: number): Promise<number> {
  schedule.reset(await loadActiveWindows(db), now);
  let gaps = 0;
  for await (const page of activeMonitorPages(db)) gaps += schedule.load(page, now);
  schedule.paused = new Set(await pausedMonitorIds(db));
  return gaps;
}

/** Applies configuration changed since `since` (rows, windows), and deletions, to the schedule. */
export async function syncSchedule(db: Db, schedule: Schedule, since: number, now: number): Promise<void> {
  const rows = await monitorsChangedSince(db, since);
  const windows = await loadActiveWindows(db);
  for (const row of rows) {
    if (row.paused) schedule.paused.add(row.id);
    else schedule.paused.delete(row.id);
    schedule.applyRow(row, now);
  }
  schedule.setWindows(windows, now);
  // A deletion leaves no row to sync from; the row count (read from an index) reveals it.
  if ((await countAllMonitors(db)) === schedule.monitors.size + schedule.skipped.size + schedule.paused.size) return;
  schedule.paused = new Set(await pausedMonitorIds(db));
  const ids = new Set(await activeMonitorIds(db));
  for (const id of [...schedule.monitors.keys(), ...schedule.skipped]) if (!ids.has(id)) schedule.remove(id);
  const missing = [...ids].filter((id) => !schedule.monitors.has(id) && !schedule.skipped.has(id));
  for (const row of await monitorsByIds(db, missing)) schedule.applyRow(row, now);
}
