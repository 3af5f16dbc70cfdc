import { z } from 'zod';
import { CalendarDate } from '../calendar/index.ts';

export const ReviewStatusFilter = z.enum(['draft', 'filed', 'overdue']);

const LongText = z.string().max(50_000);
const TrackerUrl = z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }).max(2000);

export const TimelineEntry = z.object({
  at: z.iso.datetime({ offset: true }),
  kind: z.string().trim().min(1).max(100),
  actor: z.string().max(300).default(''),
  text: z.string().max(5000).default(''),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const OpenReviewInput = z.object({ incidentId: z.string().min(1).max(64) });
export type OpenReviewInput = z.infer<typeof OpenReviewInput>;

export const UpdateReviewInput = z.object({
  summary: LongText.optional(),
  impact: LongText.optional(),
  timeline: z.array(TimelineEntry).max(1000).optional(),
  contributingFactors: LongText.optional(),
});
export type UpdateReviewInput = z.infer<typeof UpdateReviewInput>;

export const ListReviewsInput = z.object({
  status: ReviewStatusFilter.optional().describe('overdue: drafts past their due time'),
  incidentId: z.string().max(64).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListReviewsInput = z.infer<typeof ListReviewsInput>;

export const CreateActionItemInput = z.object({
  title: z.string().trim().min(1).max(500),
  ownerId: z.string().min(1).max(64).nullable().optional().describe('a member of the organization'),
  dueDate: CalendarDate.nullable().optional(),
  status: z.enum(['open', 'done']).default('open'),
  trackerUrl: TrackerUrl.nullable().optional().describe('the issue in an external tracker'),
});
export type CreateActionItemInput = z.infer<typeof CreateActionItemInput>;

export const UpdateActionItemInput = z.object({
  title: z.string().trim().min(1).max(500).optional(),
  ownerId: z.string().min(1).max(64).nullable().optional(),
  dueDate: CalendarDate.nullable().optional(),
  status: z.enum(['open', 'done']).optional(),
  trackerUrl: TrackerUrl.nullable().optional(),
});
export type UpdateActionItemInput = z.infer<typeof UpdateActionItemInput>;

export const ActionItem = z.object({
  id: z.string(),
  title: z.string(),
  ownerId: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(['open', 'done']),
  trackerUrl: z.string().nullable(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActionItem = z.infer<typeof ActionItem>;

export const Review = z.object({
  id: z.string(),
  incidentId: z.string(),
  incidentTitle: z.string(),
  severity: z.string(),
  status: z.enum(['draft', 'filed']),
  required: z.boolean().describe('the severity policy asks for this review before the incident can close'),
  overdue: z.boolean(),
  incidentResolvedAt: z.string().nullable(),
  dueAt: z.string().nullable().describe('business days after the incident resolved, on the organization calendar'),
  summary: z.string(),
  impact: z.string(),
  timeline: z.array(TimelineEntry),
  contributingFactors: z.string(),
  actionItems: z.array(ActionItem),
  filedAt: z.string().nullable(),
  filedBy: z.string().nullable(),
  reminderCount: z.number().int(),
  lastRemindedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Review = z.infer<typeof Review>;

export const ReviewSettings = z.object({
  dueBusinessDays: z.number().int(),
  reminderChannelIds: z.array(z.string()),
  emailChannelId: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type ReviewSettings = z.infer<typeof ReviewSettings>;

export const UpdateReviewSettingsInput = z.object({
  dueBusinessDays: z.number().int().min(1).max(60).optional().describe('default 5'),
  reminderChannelIds: z.array(z.string().min(1).max(64)).max(20).optional().describe('channels that get each overdue reminder'),
  emailChannelId: z.string().min(1).max(64).nullable().optional().describe('an email channel that mails each recipient their own reminder'),
});
export type UpdateReviewSettingsInput = z.infer<typeof UpdateReviewSettingsInput>;
