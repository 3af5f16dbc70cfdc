import type { Monitor } from '../monitors/index.ts';
import { heartbeatConfig } from './schedule.ts';
import type { HeartbeatPingsTable, HeartbeatsTable } from './schema.ts';
import type { Heartbeat, HeartbeatPing, HeartbeatRun } from './schemas.ts';
import type { OpenRun } from './transition.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toPing(p: HeartbeatPingsTable, bodyLimit: number): HeartbeatPing {
  return {
    id: p.id,
    at: iso(p.at)!,
    kind: p.kind,
    exitStatus: p.exit_status,
    rid: p.rid,
    durationMs: p.duration_ms,
    body: p.body,
    bodyBytes: p.body_bytes,
    truncated: p.body_bytes > bodyLimit,
    source: p.source,
    method: p.method,
    remoteAddr: p.remote_addr,
    userAgent: p.user_agent,
  };
}

/** Open runs first (newest first), then finished ones from pings that carry a duration. */
export function toRuns(row: HeartbeatsTable, finished: HeartbeatPingsTable[]): HeartbeatRun[] {
  const open = (JSON.parse(row.open_runs) as OpenRun[]).toReversed().map((r) => ({ rid: r.rid, startedAt: iso(r.at)!, finishedAt: null, durationMs: null, outcome: 'running' as const }));
  const done = finished
    .filter((p) => p.duration_ms !== null && (p.kind === 'success' || p.kind === 'fail'))
    .map((p) => ({ rid: p.rid, startedAt: iso(p.at - p.duration_ms!)!, finishedAt: iso(p.at), durationMs: p.duration_ms, outcome: p.kind as 'success' | 'fail' }));
  return [...open, ...done];
}

export function toHeartbeat(monitor: Monitor, row: HeartbeatsTable, pings: HeartbeatPingsTable[], runs: HeartbeatPingsTable[], baseUrl: string): Heartbeat {
  const config = heartbeatConfig(JSON.stringify(monitor.settings));
  return {
    monitorId: monitor.id,
    name: monitor.name,
    state: monitor.state,
    pingUrl: `${baseUrl}/ping/${row.ping_id}`,
    slugUrl: row.slug ? `${baseUrl}/ping/{ping-key}/${row.slug}` : null,
    pushUrl: `${baseUrl}/api/push/${row.push_token}?status=up&msg=OK&ping=`,
    schedule: config.schedule,
    bodyLimit: config.bodyLimit,
    lastPingAt: iso(row.last_ping_at),
    nextExpectedAt: iso(row.next_expected_at),
    late: row.health === 'degraded',
    lastPings: pings.map((p) => toPing(p, config.bodyLimit)),
    runs: toRuns(row, runs),
  };
}
