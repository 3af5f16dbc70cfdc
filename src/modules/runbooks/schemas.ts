import { z } from 'zod';

const Slug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'lowercase letters, digits and inner hyphens (max 64)')
  .refine((s) => s !== 'match', '"match" is reserved (/runbooks/match)');
const LabelKey = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,62}$/, 'letters, digits, _ . - (max 63), starting with a letter or _');
const LabelValue = z.string().min(1).max(200);

/** The labels a runbook applies to; all must be present on an alert or incident. */
export const RunbookMatch = z
  .record(LabelKey, LabelValue)
  .refine((m) => Object.keys(m).length >= 1, 'at least one label, such as service, domain or monitor')
  .refine((m) => Object.keys(m).length <= 8, 'at most 8 labels')
  .describe('label pairs such as { "service": "payments" }; `monitor` matches a monitor id or name');
export type RunbookMatch = z.infer<typeof RunbookMatch>;

const Title = z.string().trim().min(1).max(200);
const Body = z.string().max(200_000).describe('Markdown; raw HTML is shown as text');
const Note = z.string().trim().max(500).describe('what changed, kept with the version');

export const CreateRunbookInput = z.object({
  slug: Slug,
  title: Title,
  match: RunbookMatch,
  body: Body,
  note: Note.optional(),
});
export type CreateRunbookInput = z.infer<typeof CreateRunbookInput>;

export const UpdateRunbookInput = z.object({
  title: Title.optional(),
  match: RunbookMatch.optional(),
  body: Body.optional(),
  note: Note.optional(),
  baseVersion: z.number().int().min(1).optional().describe('the version this edit started from; 409 RUNBOOK_VERSION_CONFLICT if another edit came first'),
});
export type UpdateRunbookInput = z.infer<typeof UpdateRunbookInput>;

export const ListRunbooksInput = z.object({
  search: z.string().max(200).optional().describe('substring of the slug or title'),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListRunbooksInput = z.infer<typeof ListRunbooksInput>;

export const MatchRunbooksInput = z.object({
  labels: z.record(z.string().max(63), z.string().max(200)).refine((l) => Object.keys(l).length <= 64, 'at most 64 labels'),
});
export type MatchRunbooksInput = z.infer<typeof MatchRunbooksInput>;

const Author = z.object({ type: z.string(), id: z.string(), display: z.string() });

export const RunbookSummary = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  match: z.record(z.string(), z.string()),
  keys: z.array(z.string()).describe('the match as key=value strings'),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RunbookSummary = z.infer<typeof RunbookSummary>;

export const Runbook = RunbookSummary.extend({
  body: z.string(),
  html: z.string().describe('the body rendered to HTML, safe to show (no raw HTML, no script links)'),
});
export type Runbook = z.infer<typeof Runbook>;

export const RunbookVersionSummary = z.object({
  version: z.number().int(),
  title: z.string(),
  match: z.record(z.string(), z.string()),
  note: z.string().nullable(),
  author: Author,
  createdAt: z.string(),
});
export type RunbookVersionSummary = z.infer<typeof RunbookVersionSummary>;

export const RunbookVersion = RunbookVersionSummary.extend({ runbookId: z.string(), body: z.string(), html: z.string() });
export type RunbookVersion = z.infer<typeof RunbookVersion>;

export const RunbookMatchResult = RunbookSummary.extend({
  score: z.number().describe('higher is more specific: monitor 100, service 10, any other label 1, summed'),
  matchedOn: z.array(z.string()),
});
export type RunbookMatchResult = z.infer<typeof RunbookMatchResult>;

export const PutRunbookResult = z.object({ runbook: Runbook, outcome: z.enum(['created', 'updated', 'unchanged']) });
export type PutRunbookResult = z.infer<typeof PutRunbookResult>;
