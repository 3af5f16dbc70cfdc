import { z } from 'zod';
import { WEEKDAYS } from './timeline/layer-shifts.ts';
import { isTimeZone } from './timeline/zone.ts';

export const Iso = z.iso.datetime({ offset: true });
const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour clock');
const EndOfWindow = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM, 24-hour clock (24:00 for midnight)');
export const TimeZone = z.string().min(1).max(64).refine(isTimeZone, 'an IANA time zone such as Europe/London');
export const UserId = z.string().min(1).max(64);
const Name = z.string().trim().min(1).max(200);

export const Restriction = z.object({
  days: z.array(z.enum(WEEKDAYS)).min(1).max(7),
  start: TimeOfDay,
  end: EndOfWindow.describe('at or before start: the window runs past midnight'),
});
export type Restriction = z.infer<typeof Restriction>;

export const ROTATIONS = ['daily', 'weekly', 'custom'] as const;

const layerFields = {
  name: Name,
  participants: z.array(UserId).min(1).max(100).describe('member user ids in turn order'),
  rotation: z.enum(ROTATIONS),
  shiftHours: z.number().int().min(1).max(8_760).optional().describe('shift length for a custom rotation'),
  handoffTime: TimeOfDay.describe('wall-clock time of each handoff in the layer time zone'),
  timeZone: TimeZone.optional().describe("IANA zone; defaults to the schedule's"),
  startDate: z.iso.date().describe('the first shift starts on this date at the handoff time'),
  restrictions: z.array(Restriction).max(14).describe('windows in which the layer is on call; empty means always'),
  position: z.number().int().min(0).max(1_000).optional().describe('higher layers override lower ones; defaults to the top'),
};

export const LayerInput = z.object({ ...layerFields, handoffTime: layerFields.handoffTime.default('09:00'), restrictions: layerFields.restrictions.default([]) });
export type LayerInput = z.infer<typeof LayerInput>;

export const UpdateLayerInput = z.object(layerFields).partial();
export type UpdateLayerInput = z.infer<typeof UpdateLayerInput>;

export const Layer = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number(),
  participants: z.array(z.string()),
  rotation: z.enum(ROTATIONS),
  shiftHours: z.number(),
  handoffTime: z.string(),
  timeZone: z.string(),
  startDate: z.string(),
  restrictions: z.array(Restriction),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Layer = z.infer<typeof Layer>;

export const CreateScheduleInput = z.object({
  name: Name,
  description: z.string().max(2_000).optional(),
  timeZone: TimeZone.default('UTC').describe('shown in calendars; the default for new layers'),
  layers: z.array(LayerInput).max(20).default([]),
});
export type CreateScheduleInput = z.infer<typeof CreateScheduleInput>;

export const UpdateScheduleInput = z.object({ name: Name.optional(), description: z.string().max(2_000).nullable().optional(), timeZone: TimeZone.optional() });
export type UpdateScheduleInput = z.infer<typeof UpdateScheduleInput>;

export const Schedule = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  timeZone: z.string(),
  layers: z.array(Layer),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Schedule = z.infer<typeof Schedule>;

export const CreateOverrideInput = z.object({ userId: UserId, start: Iso, end: Iso, note: z.string().max(500).optional() });
export type CreateOverrideInput = z.infer<typeof CreateOverrideInput>;

export const Override = z.object({
  id: z.string(),
  scheduleId: z.string(),
  userId: z.string(),
  start: z.string(),
  end: z.string(),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Override = z.infer<typeof Override>;

export const ListOverridesInput = z.object({ from: Iso.optional().describe('default now'), to: Iso.optional() });
export type ListOverridesInput = z.infer<typeof ListOverridesInput>;

export const OnCallUser = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type OnCallUser = z.infer<typeof OnCallUser>;

const Source = z.object({ type: z.enum(['layer', 'override']), id: z.string() });

export const OnCall = z.object({
  scheduleId: z.string(),
  at: z.string(),
  user: OnCallUser.nullable(),
  source: Source.nullable(),
  since: z.string().nullable().describe('start of the stretch on call, looking back at most 31 days'),
  until: z.string().nullable().describe('end of the stretch on call, looking ahead at most 31 days'),
});
export type OnCall = z.infer<typeof OnCall>;

export const Shift = z.object({ userId: z.string(), userName: z.string(), start: z.string(), end: z.string(), source: Source });
export type Shift = z.infer<typeof Shift>;

export const ListShiftsInput = z.object({ from: Iso.optional().describe('default now'), to: Iso.optional().describe('default from + 14 days; at most 366 days after from') });
export type ListShiftsInput = z.infer<typeof ListShiftsInput>;

export const FeedToken = z.object({
  id: z.string(),
  kind: z.enum(['schedule', 'user']),
  targetId: z.string(),
  prefix: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type FeedToken = z.infer<typeof FeedToken>;

export const CreatedFeedToken = FeedToken.extend({ token: z.string().describe('shown once'), path: z.string().describe('the feed path, /ical/...'), url: z.string().nullable() });
export type CreatedFeedToken = z.infer<typeof CreatedFeedToken>;
