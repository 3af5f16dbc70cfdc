import { randomUUID } from 'node:crypto';
import { randomToken } from '../../platform/ids.ts';
import type { ExternalMonitor, Monitor } from '../monitors/index.ts';
import { heartbeatConfig } from './schedule.ts';
import type { HeartbeatsTable } from './schema.ts';
import { trackOf } from './store.ts';
import { nextDeadline } from './transition.ts';

/** What a row is built from: the monitor's identity and settings. */
export type HeartbeatSource = Pick<ExternalMonitor, 'id' | 'orgId' | 'settingsJson' | 'updatedAt'>;

export function sourceOf(monitor: Monitor, orgId: string): HeartbeatSource {
  return { id: monitor.id, orgId, settingsJson: JSON.stringify(monitor.settings), updatedAt: Date.parse(monitor.updatedAt) };
}

/** A new row: a fresh ping uuid (v4, like Healthchecks) and push token; pending until the first ping. */
export function newHeartbeatRow(monitor: HeartbeatSource, now: number): HeartbeatsTable {
  const config = heartbeatConfig(monitor.settingsJson);
  return {
    monitor_id: monitor.id,
    org_id: monitor.orgId,
    ping_id: randomUUID(),
    push_token: config.pushToken ?? randomToken(24),
    slug: config.slug,
    config_at: monitor.updatedAt,
    health: 'pending',
    last_ping_at: null,
    last_ping_kind: null,
    last_finish_at: null,
    next_expected_at: null,
    next_deadline: null,
    open_runs: '[]',
    suspended: 0,
    ping_count: 0,
    created_at: now,
    updated_at: now,
  };
}

/** Applies changed settings: slug, push token, and the schedule counted again from the last finish. */
export function reconfigured(row: HeartbeatsTable, monitor: HeartbeatSource, now: number): HeartbeatsTable {
  const config = heartbeatConfig(monitor.settingsJson);
  const next: HeartbeatsTable = { ...row, slug: config.slug, push_token: config.pushToken ?? row.push_token, config_at: monitor.updatedAt, updated_at: now };
  if (row.last_finish_at !== null) next.next_expected_at = config.nextExpected(row.last_finish_at);
  if (!row.suspended) next.next_deadline = nextDeadline(trackOf(next), config);
  return next;
}
