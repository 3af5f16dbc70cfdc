import type { HeartbeatConfig } from './schedule.ts';
import type { HeartbeatHealth, PingKind } from './schema.ts';

export interface OpenRun {
  rid: string | null;
  at: number;
}

/** What pings and deadlines change; the rest of the row is bookkeeping. */
export interface HeartbeatTrack {
  health: HeartbeatHealth;
  lastPingAt: number | null;
  lastPingKind: PingKind | null;
  lastFinishAt: number | null;
  nextExpectedAt: number | null;
  openRuns: OpenRun[];
}

export interface HealthChange {
  health: HeartbeatHealth;
  at: number;
  reason: Record<string, unknown>;
}

const MAX_OPEN_RUNS = 20;

function takeRun(runs: OpenRun[], rid: string | null): { run: OpenRun | null; rest: OpenRun[] } {
  let index = -1;
  if (rid !== null) index = runs.findLastIndex((r) => r.rid === rid);
  else {
    index = runs.findLastIndex((r) => r.rid === null);
    if (index < 0) index = runs.length - 1;
  }
  if (index < 0) return { run: null, rest: runs };
  return { run: runs[index], rest: runs.filter((_, i) => i !== index) };
}

/**
 * Applies one ping. A start opens a run that must finish within the grace time; a success or
 * failure closes the matching run (by `rid`, else the last start), sets the health and counts the
 * schedule from now. Logs and ignored pings change nothing but the last-seen time.
 */
export function applyPing(
  track: HeartbeatTrack,
  ping: { kind: PingKind; at: number; rid: string | null; exitStatus: number | null },
  config: HeartbeatConfig,
): { track: HeartbeatTrack; durationMs: number | null; change: HealthChange | null } {
  const next: HeartbeatTrack = { ...track, lastPingAt: ping.at, lastPingKind: ping.kind };
  if (ping.kind === 'start') {
    next.openRuns = [...track.openRuns.filter((r) => ping.rid === null || r.rid !== ping.rid), { rid: ping.rid, at: ping.at }].slice(-MAX_OPEN_RUNS);
    return { track: next, durationMs: null, change: null };
  }
  if (ping.kind !== 'success' && ping.kind !== 'fail') return { track: next, durationMs: null, change: null };
  const { run, rest } = takeRun(track.openRuns, ping.rid);
  next.openRuns = rest;
  next.lastFinishAt = ping.at;
  next.nextExpectedAt = config.nextExpected(ping.at);
  next.health = ping.kind === 'success' ? 'up' : 'down';
  const durationMs = run ? ping.at - run.at : null;
  const reason: Record<string, unknown> = { cause: 'ping', kind: ping.kind };
  if (ping.exitStatus !== null) reason.exitStatus = ping.exitStatus;
  if (ping.kind === 'fail') {
    reason.errorCode = 'HEARTBEAT_FAILED';
    reason.message = ping.exitStatus === null ? 'the job reported a failure' : `the job exited with status ${ping.exitStatus}`;
  }
  const change = next.health === track.health ? null : { health: next.health, at: ping.at, reason };
  return { track: next, durationMs, change };
}

/** The earliest time the track changes without a ping; null when only a ping can change it. */
export function nextDeadline(track: HeartbeatTrack, config: HeartbeatConfig): number | null {
  const times: number[] = track.openRuns.map((r) => r.at + config.graceMs);
  if (track.nextExpectedAt !== null) {
    if (track.health === 'up') times.push(track.nextExpectedAt);
    if (track.health === 'degraded') times.push(track.nextExpectedAt + config.graceMs);
  }
  return times.length === 0 ? null : Math.min(...times);
}

/**
 * Applies every deadline that passed by `now`, each at its own time: late (degraded) at the
 * expected time, down after the grace, and down when a started run outlives the grace.
 */
export function applyDeadlines(track: HeartbeatTrack, config: HeartbeatConfig, now: number): { track: HeartbeatTrack; changes: HealthChange[] } {
  let current = track;
  const changes: HealthChange[] = [];
  for (let due = nextDeadline(current, config); due !== null && due <= now; due = nextDeadline(current, config)) {
    const expired = current.openRuns.find((r) => r.at + config.graceMs === due);
    if (expired) {
      current = { ...current, openRuns: current.openRuns.filter((r) => r !== expired) };
      if (current.health !== 'down') {
        current.health = 'down';
        const startedAt = new Date(expired.at).toISOString();
        const message = `a run started at ${startedAt} did not finish within the grace time`;
        changes.push({ health: 'down', at: due, reason: { cause: 'run_not_finished', errorCode: 'HEARTBEAT_RUN_NOT_FINISHED', message, startedAt, rid: expired.rid } });
      }
      continue;
    }
    const expectedAt = new Date(current.nextExpectedAt!).toISOString();
    const health = current.health === 'up' && config.graceMs > 0 ? 'degraded' : 'down';
    current = { ...current, health };
    const late = health === 'degraded';
    const message = late ? `no ping since the expected time ${expectedAt}` : `no ping by ${expectedAt} plus the grace time`;
    changes.push({ health, at: due, reason: { cause: late ? 'late' : 'missed', errorCode: late ? 'HEARTBEAT_LATE' : 'HEARTBEAT_MISSED', message, expectedAt } });
  }
  return { track: current, changes };
}

/** After a pause the schedule starts again from the resume: deadlines missed while paused never fire. */
export function rearm(track: HeartbeatTrack, config: HeartbeatConfig, now: number): HeartbeatTrack {
  const counting = track.health === 'up' || track.health === 'degraded';
  return { ...track, openRuns: [], nextExpectedAt: counting ? config.nextExpected(now) : track.nextExpectedAt };
}
