import { z } from 'zod';
import { MonitorStateName } from '../monitors/index.ts';

export const HeartbeatSchedule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('period'), period: z.number().describe('seconds'), grace: z.number().describe('seconds') }),
  z.object({ kind: z.literal('cron'), cron: z.string(), timezone: z.string(), grace: z.number().describe('seconds') }),
]);
export type HeartbeatSchedule = z.infer<typeof HeartbeatSchedule>;

export const HeartbeatPing = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(['success', 'fail', 'start', 'log', 'ignored']),
  exitStatus: z.number().nullable(),
  rid: z.string().nullable(),
  durationMs: z.number().nullable(),
  body: z.string().nullable().describe('the first bodyLimit bytes of the request body'),
  bodyBytes: z.number().describe('the size of the whole body as received'),
  truncated: z.boolean(),
  source: z.enum(['uuid', 'slug', 'push']),
  method: z.string(),
  remoteAddr: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type HeartbeatPing = z.infer<typeof HeartbeatPing>;

export const HeartbeatRun = z.object({
  rid: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  outcome: z.enum(['success', 'fail', 'running']),
});
export type HeartbeatRun = z.infer<typeof HeartbeatRun>;

export const Heartbeat = z.object({
  monitorId: z.string(),
  name: z.string(),
  state: MonitorStateName,
  pingUrl: z.string(),
  slugUrl: z.string().nullable().describe('with the placeholder {ping-key}: the key is shown only when created'),
  pushUrl: z.string().describe('Uptime Kuma push URL'),
  schedule: HeartbeatSchedule,
  bodyLimit: z.number(),
  lastPingAt: z.string().nullable(),
  nextExpectedAt: z.string().nullable(),
  late: z.boolean().describe('past the expected time, inside the grace time'),
  lastPings: z.array(HeartbeatPing),
  runs: z.array(HeartbeatRun),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

export const ListHeartbeatsInput = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListHeartbeatsInput = z.infer<typeof ListHeartbeatsInput>;

export const PingKeyStatus = z.object({ configured: z.boolean(), prefix: z.string().nullable(), createdAt: z.string().nullable() });
export type PingKeyStatus = z.infer<typeof PingKeyStatus>;

export const CreatedPingKey = z.object({ pingKey: z.string().describe('shown once; only its hash is stored'), prefix: z.string(), createdAt: z.string() });
export type CreatedPingKey = z.infer<typeof CreatedPingKey>;
