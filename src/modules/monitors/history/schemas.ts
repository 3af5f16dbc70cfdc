import { z } from 'zod';
import { MonitorStateName } from '../schemas.ts';

const Instant = z.string().max(40).describe('ISO 8601 time or epoch milliseconds');
const Cursor = z.string().max(300).describe('nextCursor from the previous page');
const Limit = z.coerce.number().int().min(1).max(1000).default(100);
const Ms = z.number().describe('milliseconds');
const Ratio = z.number().nullable().describe('0..1; null when no time was measured');

export const UptimeWindowName = z.enum(['24h', '7d', '30d', '90d', '365d']);
export type UptimeWindowName = z.infer<typeof UptimeWindowName>;

export const RangeQuery = z.object({ from: Instant.optional().describe('inclusive; default: the range ends at `to`'), to: Instant.optional().describe('exclusive; default and maximum: now') });
export type RangeQuery = z.infer<typeof RangeQuery>;

export const PageQuery = RangeQuery.extend({ cursor: Cursor.optional(), limit: Limit });
export type PageQuery = z.infer<typeof PageQuery>;

export const ListResultsInput = PageQuery.extend({ outcome: z.enum(['up', 'degraded', 'down']).optional() });
export type ListResultsInput = z.infer<typeof ListResultsInput>;

export const UptimeQuery = RangeQuery.extend({ window: UptimeWindowName.optional().describe('a window ending now, instead of from/to') });
export type UptimeQuery = z.infer<typeof UptimeQuery>;

export const LatencyQuery = RangeQuery.extend({
  step: z
    .string()
    .regex(/^\d{1,7}[smhd]?$/, 'seconds, or a number with s, m, h or d')
    .optional()
    .describe('bucket width (60, 5m, 1h, 1d); default: about 200 points'),
});
export type LatencyQuery = z.infer<typeof LatencyQuery>;

export const MonitorFlip = z.object({
  id: z.string(),
  at: z.string(),
  from: MonitorStateName,
  to: MonitorStateName,
  reason: z.record(z.string(), z.unknown()).nullable(),
});
export type MonitorFlip = z.infer<typeof MonitorFlip>;

export const CoverageGap = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  durationMs: Ms,
  missedChecks: z.number(),
  cause: z.string().describe('process_down, overload or internal_error'),
  detail: z.string().nullable(),
});
export type CoverageGap = z.infer<typeof CoverageGap>;

const durations = { upMs: Ms, degradedMs: Ms, downMs: Ms, maintenanceMs: Ms, pausedMs: Ms, noDataMs: Ms.describe('pending, coverage gaps and time before the monitor existed') };

export const Uptime = z.object({
  monitorId: z.string(),
  from: z.string(),
  to: z.string(),
  uptime: Ratio.describe('(up + degraded) / (up + degraded + down); maintenance, paused and no data excluded'),
  ...durations,
  degradedRatio: Ratio,
  checks: z.object({ expected: z.number(), executed: z.number(), missed: z.number() }),
  gaps: z.array(CoverageGap).describe('coverage gaps overlapping the range (at most 1,000; see /gaps for all)'),
});
export type Uptime = z.infer<typeof Uptime>;

export const LatencyPoint = z.object({ t: z.string(), p50: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable(), avg: z.number().nullable(), count: z.number() });
export type LatencyPoint = z.infer<typeof LatencyPoint>;

export const LatencySeries = z.object({
  monitorId: z.string(),
  from: z.string(),
  to: z.string(),
  step: z.number().describe('seconds'),
  source: z.enum(['raw', 'hour', 'day']).describe('raw results, or hourly/daily rollups'),
  exact: z.boolean().describe('false when a bucket merges several rollups: its percentiles are then count-weighted means'),
  points: z.array(LatencyPoint),
});
export type LatencySeries = z.infer<typeof LatencySeries>;

export const Certificate = z.object({
  id: z.string(),
  fingerprint: z.string(),
  subject: z.string(),
  issuer: z.string(),
  serial: z.string(),
  keyType: z.string().nullable(),
  notBefore: z.string().nullable(),
  notAfter: z.string(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean().describe('the certificate seen most recently'),
});
export type Certificate = z.infer<typeof Certificate>;

export const UptimeSummaryInput = z.object({
  monitorIds: z.array(z.string().min(1).max(64)).min(1).max(10_000),
  windows: z.array(UptimeWindowName).min(1).max(5).default(['24h', '30d']),
  sparkline: z.boolean().default(false).describe('add 24 hourly latency averages (the last 24 complete hours)'),
});
export type UptimeSummaryInput = z.infer<typeof UptimeSummaryInput>;

export const WindowUptime = z.object({ uptime: Ratio, degradedRatio: Ratio, ...durations });
export type WindowUptime = z.infer<typeof WindowUptime>;

export const UptimeSummary = z.object({
  asOf: z.string(),
  data: z.array(
    z.object({
      monitorId: z.string(),
      windows: z.record(z.string(), WindowUptime),
      sparkline: z.array(z.number().nullable()).optional(),
    }),
  ),
  notFound: z.array(z.string()).describe('ids that name no monitor in this organization'),
});
export type UptimeSummary = z.infer<typeof UptimeSummary>;

export const Retention = z.object({
  rawDays: z.number().describe('days raw check results are kept'),
  historyDays: z.number().describe('days rollups, flips and coverage gaps are kept'),
  updatedAt: z.string().nullable().describe('null while the defaults apply'),
});
export type Retention = z.infer<typeof Retention>;

export const UpdateRetentionInput = z
  .object({
    rawDays: z.number().int().min(7).max(3_650).default(90),
    historyDays: z.number().int().min(365).max(36_500).default(3_650),
  })
  .refine((r) => r.historyDays >= r.rawDays, { path: ['historyDays'], message: 'must be at least rawDays' });
export type UpdateRetentionInput = z.infer<typeof UpdateRetentionInput>;
