import type { CheckResult, MonitorState } from '../../api/types.ts';

export interface Flip {
  id: string;
  at: string;
  from: MonitorState;
  to: MonitorState;
  reason: Record<string, unknown> | null;
}

export interface CoverageGap {
  id: string;
  from: string;
  to: string;
  durationMs: number;
  missedChecks: number;
  cause: string;
  detail: string | null;
}

export interface LatencyPoint {
  t: string;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  avg: number | null;
  count: number;
}

export interface LatencySeries {
  from: string;
  to: string;
  step: number;
  source: 'raw' | 'hour' | 'day';
  points: LatencyPoint[];
}

export interface Certificate {
  id: string;
  fingerprint: string;
  subject: string;
  issuer: string;
  serial: string;
  keyType: string | null;
  notBefore: string | null;
  notAfter: string;
  firstSeenAt: string;
  lastSeenAt: string;
  current: boolean;
}

export type StoredResult = CheckResult & { at: string };
