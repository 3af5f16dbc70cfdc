import { Cron } from 'croner';
import { z } from 'zod';
import { Labels } from '../schemas.ts';

function isTimeZone(tz: string): boolean {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
}

function isCron(pattern: string): boolean {
  try {
    return new Cron(pattern, { paused: true }).getPattern() !== undefined;
  } catch {
    return false;
  }
}

const TimeZone = z.string().min(1).max(64).refine(isTimeZone, 'not an IANA time zone such as Europe/London').default('UTC');
const DurationMinutes = z.int().min(1).max(7 * 24 * 60).describe('how long each occurrence lasts');
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export const OnceSchedule = z
  .object({ kind: z.literal('once'), startsAt: z.iso.datetime({ offset: true }), endsAt: z.iso.datetime({ offset: true }) })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { message: 'must be after startsAt', path: ['endsAt'] });

export const CronSchedule = z.object({
  kind: z.literal('cron'),
  cron: z.string().min(1).max(200).refine(isCron, 'not a valid cron expression').describe('five fields: minute hour day-of-month month day-of-week'),
  timezone: TimeZone,
  durationMinutes: DurationMinutes,
});

export const WeeklySchedule = z.object({
  kind: z.literal('weekly'),
  days: z.array(z.enum(WEEKDAYS)).min(1).max(7),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour'),
  timezone: TimeZone,
  durationMinutes: DurationMinutes,
});

export const MaintenanceSchedule = z.discriminatedUnion('kind', [OnceSchedule, CronSchedule, WeeklySchedule]);
export type MaintenanceSchedule = z.infer<typeof MaintenanceSchedule>;

export const MaintenanceSelector = z
  .object({
    monitorIds: z.array(z.string().min(1).max(64)).max(1000).optional(),
    labels: Labels.optional(),
  })
  .refine((s) => (s.monitorIds?.length ?? 0) > 0 || Object.keys(s.labels ?? {}).length > 0, { message: 'name monitorIds or labels', path: ['monitorIds'] });
export type MaintenanceSelector = z.infer<typeof MaintenanceSelector>;

export const CreateMaintenanceInput = z.object({
  name: z.string().trim().min(1).max(200),
  selector: MaintenanceSelector,
  schedule: MaintenanceSchedule,
  active: z.boolean().default(true),
});
export type CreateMaintenanceInput = z.infer<typeof CreateMaintenanceInput>;

export const UpdateMaintenanceInput = z.object({
  name: CreateMaintenanceInput.shape.name.optional(),
  selector: MaintenanceSelector.optional(),
  schedule: MaintenanceSchedule.optional(),
  active: z.boolean().optional(),
});
export type UpdateMaintenanceInput = z.infer<typeof UpdateMaintenanceInput>;

export const ListMaintenanceInput = z.object({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type ListMaintenanceInput = z.infer<typeof ListMaintenanceInput>;

export const MaintenanceWindow = z.object({
  id: z.string(),
  name: z.string(),
  selector: z.object({ monitorIds: z.array(z.string()).optional(), labels: z.record(z.string(), z.string()).optional() }),
  schedule: z.record(z.string(), z.unknown()),
  active: z.boolean(),
  inForce: z.boolean().describe('a window occurrence is in force now'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MaintenanceWindow = z.infer<typeof MaintenanceWindow>;
