import type { Bus } from '../../platform/bus.ts';
import type { Db, Dialect, Executor } from '../../platform/db/index.ts';
import type { Logger } from '../../platform/logger.ts';
import { readExternalMonitors, recordExternalState, type ExternalMonitor, type ExternalStateChange } from '../monitors/index.ts';
import { reconfigured } from './heartbeat-row.ts';
import { heartbeatConfig } from './schedule.ts';
import type { HeartbeatsTable } from './schema.ts';
import { deleteHeartbeats, dueHeartbeats, trackOf, withTrack, writeHeartbeatConfig, writeHeartbeats } from './store.ts';
import { applyDeadlines, nextDeadline, rearm } from './transition.ts';

/** How often a paused heartbeat is looked at again to notice its resume. */
export const RESUME_CHECK_MS = 60_000;
/** How long a row whose settings cannot be read waits before the next attempt. */
const BROKEN_RETRY_MS = 300_000;

export interface SweepDeps {
  db: Db;
  dialect: Dialect;
  bus: Bus;
  logger: Logger;
  now: number;
}

export interface SweepSummary {
  examined: number;
  changes: number;
  suspended: number;
  rearmed: number;
  removed: number;
  failed: number;
}

type Outcome = { row: HeartbeatsTable; changes: ExternalStateChange[]; kind: 'deadline' | 'suspended' | 'rearmed'; reconfigured: HeartbeatsTable | null };

function sweepRow(row: HeartbeatsTable, monitor: ExternalMonitor, now: number): Outcome {
  const config = heartbeatConfig(monitor.settingsJson);
  const fresh = row.config_at === monitor.updatedAt ? null : reconfigured(row, monitor, now);
  const current = fresh ?? row;
  if (monitor.paused) return { row: { ...current, suspended: 1, next_deadline: now + RESUME_CHECK_MS, updated_at: now }, changes: [], kind: 'suspended', reconfigured: fresh };
  if (current.suspended) {
    const track = rearm(trackOf(current), config, now);
    return { row: { ...withTrack(current, track), suspended: 0, next_deadline: nextDeadline(track, config), updated_at: now }, changes: [], kind: 'rearmed', reconfigured: fresh };
  }
  const { track, changes } = applyDeadlines(trackOf(current), config, now);
  return {
    row: { ...withTrack(current, track), next_deadline: nextDeadline(track, config), updated_at: now },
    changes: changes.map((c) => ({ orgId: row.org_id, monitorId: row.monitor_id, at: c.at, health: c.health, reason: c.reason })),
    kind: 'deadline',
    reconfigured: fresh,
  };
}

async function sweepPage(tx: Executor, deps: SweepDeps, limit: number, summary: SweepSummary) {
  const rows = await dueHeartbeats(tx, deps.dialect, deps.now, limit);
  const monitors = await readExternalMonitors(tx, rows.map((r) => r.monitor_id));
  const updated: HeartbeatsTable[] = [];
  const configs: HeartbeatsTable[] = [];
  const gone: string[] = [];
  const changes: ExternalStateChange[] = [];
  for (const row of rows) {
    const monitor = monitors.get(row.monitor_id);
    if (!monitor || monitor.type !== 'heartbeat' || monitor.orgId !== row.org_id) {
      gone.push(row.monitor_id);
      continue;
    }
    try {
      const outcome = sweepRow(row, monitor, deps.now);
      updated.push(outcome.row);
      if (outcome.reconfigured) configs.push(outcome.reconfigured);
      changes.push(...outcome.changes);
      if (outcome.kind === 'suspended') summary.suspended++;
      if (outcome.kind === 'rearmed') summary.rearmed++;
    } catch (err) {
      deps.logger.error({ err, monitorId: row.monitor_id }, 'heartbeat deadline could not be applied');
      updated.push({ ...row, next_deadline: deps.now + BROKEN_RETRY_MS, updated_at: deps.now });
      summary.failed++;
    }
  }
  await writeHeartbeatConfig(tx, configs);
  await writeHeartbeats(tx, deps.dialect, updated);
  await deleteHeartbeats(tx, gone);
  const recorded = await recordExternalState({ db: tx, bus: deps.bus, now: deps.now, changes });
  summary.examined += rows.length;
  summary.removed += gone.length;
  summary.changes += changes.length;
  return { count: rows.length, publish: recorded.publish };
}

/**
 * Applies every heartbeat deadline that is due: late, down, unfinished runs, pauses and resumes.
 * Only rows whose stored `next_deadline` passed are read (an index range), so idle heartbeats cost
 * nothing. Each page commits on its own; PostgreSQL workers skip rows another one holds.
 */
export async function sweepHeartbeats(deps: SweepDeps, options: { pageSize?: number; maxPages?: number } = {}): Promise<SweepSummary> {
  const pageSize = options.pageSize ?? 500;
  const summary: SweepSummary = { examined: 0, changes: 0, suspended: 0, rearmed: 0, removed: 0, failed: 0 };
  for (let page = 0; page < (options.maxPages ?? 20); page++) {
    const { count, publish } = await deps.db.transaction().execute((tx) => sweepPage(tx, deps, pageSize, summary));
    publish();
    if (count < pageSize) break;
  }
  return summary;
}
