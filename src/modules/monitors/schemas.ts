import { z } from 'zod';

export const MONITOR_TYPES = ['http', 'tcp', 'dns', 'tls', 'postgres', 'redis', 'statuspage', 'heartbeat'] as const;
export const MonitorStateName = z.enum(['pending', 'up', 'degraded', 'down', 'paused', 'maintenance']);

const LabelKey = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,62}$/, 'letters, digits, _ . - (max 63), starting with a letter or _');
export const Labels = z.record(LabelKey, z.string().max(200)).refine((l) => Object.keys(l).length <= 32, 'at most 32 labels');

const monitorFields = {
  name: z.string().trim().min(1).max(200),
  type: z.string().min(1).max(40).describe(`one of ${MONITOR_TYPES.join(', ')}`),
  settings: z.record(z.string(), z.unknown()).describe('type-specific; see the probe type'),
  labels: Labels.default({}),
  interval: z.number().int().min(10).max(86_400).default(60).describe('seconds between checks'),
  timeoutMs: z.number().int().min(100).max(120_000).optional().describe('per-check timeout; defaults to the smaller of 10 s and the interval'),
  retryInterval: z.number().int().min(5).max(86_400).optional().describe('seconds between checks while a failure is unconfirmed; defaults to a third of the interval (at least 10 s)'),
  confirmDown: z.number().int().min(1).max(20).default(2).describe('consecutive failures before down'),
  confirmUp: z.number().int().min(1).max(20).default(1).describe('consecutive successes before up again'),
  paused: z.boolean().default(false),
};

export const CreateMonitorInput = z.object(monitorFields);
export type CreateMonitorInput = z.infer<typeof CreateMonitorInput>;

export const UpdateMonitorInput = z.object({
  name: monitorFields.name.optional(),
  settings: monitorFields.settings.optional(),
  labels: Labels.optional(),
  interval: z.number().int().min(10).max(86_400).optional(),
  timeoutMs: monitorFields.timeoutMs,
  retryInterval: monitorFields.retryInterval,
  confirmDown: z.number().int().min(1).max(20).optional(),
  confirmUp: z.number().int().min(1).max(20).optional(),
});
export type UpdateMonitorInput = z.infer<typeof UpdateMonitorInput>;

export const TestMonitorInput = z.object({
  type: monitorFields.type,
  settings: monitorFields.settings,
  timeoutMs: monitorFields.timeoutMs,
});
export type TestMonitorInput = z.infer<typeof TestMonitorInput>;

export const CheckResult = z.object({
  at: z.string(),
  outcome: z.enum(['up', 'degraded', 'down']),
  latencyMs: z.number(),
  errorCode: z.string().nullable(),
  message: z.string().nullable(),
  timings: z.record(z.string(), z.number()).nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const Monitor = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  settings: z.record(z.string(), z.unknown()),
  labels: z.record(z.string(), z.string()),
  interval: z.number(),
  timeoutMs: z.number(),
  retryInterval: z.number(),
  confirmDown: z.number(),
  confirmUp: z.number(),
  paused: z.boolean(),
  state: MonitorStateName,
  stateSince: z.string(),
  stateReason: z.record(z.string(), z.unknown()).nullable(),
  lastCheckAt: z.string().nullable(),
  lastOutcome: z.string().nullable(),
  lastLatencyMs: z.number().nullable(),
  nextDueAt: z.string().nullable(),
  /** Heartbeat monitors: the URL their job pings (added by the heartbeats module). */
  pingUrl: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Monitor = z.infer<typeof Monitor>;

export const ListMonitorsInput = z.object({
  state: MonitorStateName.optional(),
  type: z.string().max(40).optional(),
  label: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe('key=value; repeat for several (all must match)'),
  search: z.string().max(200).optional().describe('substring of the name'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type ListMonitorsInput = z.infer<typeof ListMonitorsInput>;
