import { z } from 'zod';

export const IssueStatus = z.enum(['unresolved', 'resolved', 'resolved_next_release', 'ignored']);
export type IssueStatus = z.infer<typeof IssueStatus>;
export const IssueSort = z.enum(['lastSeen', 'firstSeen', 'count', 'users']);

export const Issue = z.object({
  id: z.string(),
  projectId: z.string(),
  title: z.string(),
  culprit: z.string().nullable(),
  type: z.enum(['error', 'default']),
  level: z.string(),
  status: IssueStatus,
  isRegression: z.boolean(),
  regressedAt: z.string().nullable(),
  regressedInRelease: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedInRelease: z.string().nullable(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  firstRelease: z.string().nullable(),
  eventCount: z.number(),
  userCount: z.number().describe('distinct affected users (pseudonymous)'),
  metadata: z.record(z.string(), z.unknown()),
  groupingConfig: z.string(),
});
export type Issue = z.infer<typeof Issue>;

export const ListIssuesInput = z.object({
  projectId: z.string().max(64).optional(),
  query: z.string().max(200).optional().describe('words matched in the title and culprit'),
  status: IssueStatus.optional(),
  level: z.string().max(16).optional(),
  release: z.string().max(200).optional(),
  environment: z.string().max(64).optional(),
  sort: IssueSort.default('lastSeen'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(300).optional(),
});
export type ListIssuesInput = z.infer<typeof ListIssuesInput>;

export const UpdateIssueInput = z.object({ status: IssueStatus });
export type UpdateIssueInput = z.infer<typeof UpdateIssueInput>;

export const TagFacet = z.object({
  key: z.string(),
  totalValues: z.number(),
  topValues: z.array(z.object({ value: z.string(), count: z.number(), firstSeen: z.string(), lastSeen: z.string() })),
});

export const IssueRelease = z.object({ release: z.string(), firstSeen: z.string(), lastSeen: z.string(), count: z.number(), regressed: z.boolean() });

export const EventSummary = z.object({
  eventId: z.string(),
  issueId: z.string(),
  receivedAt: z.string(),
  timestamp: z.string(),
  level: z.string(),
  release: z.string().nullable(),
  environment: z.string().nullable(),
  title: z.string(),
  userId: z.string().nullable().describe('the pseudonym counted as an affected user'),
});
export type EventSummary = z.infer<typeof EventSummary>;

export const EventDetail = EventSummary.extend({
  data: z.record(z.string(), z.unknown()).describe('the stored event (scrubbed; stack frames symbolicated, with source context)'),
});
export type EventDetail = z.infer<typeof EventDetail>;

export const IssueDetail = Issue.extend({
  tags: z.array(TagFacet),
  environments: z.array(z.string()),
  releases: z.array(IssueRelease).describe('the release timeline: where the issue was first seen, regressed and last seen'),
  latestEvent: EventDetail.nullable(),
  histogram: z.array(z.object({ at: z.string(), count: z.number() })).describe('events per hour over the last 24 hours'),
});
export type IssueDetail = z.infer<typeof IssueDetail>;

export const ListEventsInput = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(300).optional() });
export type ListEventsInput = z.infer<typeof ListEventsInput>;
