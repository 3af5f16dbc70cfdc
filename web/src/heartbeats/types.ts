import type { MonitorState } from '../api/types.ts';

export type HeartbeatSchedule = { kind: 'period'; period: number; grace: number } | { kind: 'cron'; cron: string; timezone: string; grace: number };

export interface HeartbeatPing {
  id: string;
  at: string;
  kind: 'success' | 'fail' | 'start' | 'log' | 'ignored';
  exitStatus: number | null;
  rid: string | null;
  durationMs: number | null;
  body: string | null;
  bodyBytes: number;
  truncated: boolean;
  source: 'uuid' | 'slug' | 'push';
  method: string;
  remoteAddr: string | null;
  userAgent: string | null;
}

export interface HeartbeatRun {
  rid: string | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  outcome: 'success' | 'fail' | 'running';
}

/** GET /heartbeats/:monitorId: a heartbeat monitor with its URLs, schedule, last pings and runs. */
export interface Heartbeat {
  monitorId: string;
  name: string;
  state: MonitorState;
  pingUrl: string;
  /** With the placeholder `{ping-key}`; the key itself is shown only when created. */
  slugUrl: string | null;
  pushUrl: string;
  schedule: HeartbeatSchedule;
  bodyLimit: number;
  lastPingAt: string | null;
  nextExpectedAt: string | null;
  late: boolean;
  lastPings: HeartbeatPing[];
  runs: HeartbeatRun[];
}

export interface PingKeyStatus {
  configured: boolean;
  prefix: string | null;
  createdAt: string | null;
}
