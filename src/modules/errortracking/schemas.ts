import { z } from 'zod';

const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and -, up to 63');
const FieldName = z.string().trim().min(1).max(64);
const Iso = z.iso.datetime({ offset: true });
export const Severity = z.enum(['critical', 'error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

const Dsn = z
  .url()
  .max(500)
  .refine((u) => /^https?:\/\/[\w-]+(?::[\w-]*)?@[^/]+\/(?:.*\/)?\d+$/.test(u), 'a DSN: http(s)://<public_key>@<host>/<project_id>');

export const ScrubbingSettings = z.object({
  enabled: z.boolean().default(true).describe('scrub personal data and credentials before storage (on by default)'),
  extraFields: z.array(FieldName).max(100).default([]).describe('field names scrubbed besides the defaults'),
});

export const CreateProjectInput = z.object({
  name: z.string().trim().min(1).max(200),
  slug: Slug.optional().describe('defaults to the name in lowercase'),
  platform: z.string().trim().max(64).optional(),
  scrubbing: ScrubbingSettings.optional(),
  forwardDsn: Dsn.nullable().optional().describe('forward accepted (scrubbed) envelopes to this DSN as well'),
});
export type CreateProjectInput = z.infer<typeof CreateProjectInput>;

export const UpdateProjectInput = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  platform: z.string().trim().max(64).nullable().optional(),
  scrubbing: z.object({ enabled: z.boolean().optional(), extraFields: z.array(FieldName).max(100).optional() }).optional(),
  forwardDsn: Dsn.nullable().optional(),
  groupingConfig: z.string().max(64).optional().describe('a grouping config id; issues grouped with the old one keep matching for 90 days'),
});
export type UpdateProjectInput = z.infer<typeof UpdateProjectInput>;

export const Project = z.object({
  id: z.string(),
  number: z.number().describe('the project id in the DSN'),
  slug: z.string(),
  name: z.string(),
  platform: z.string().nullable(),
  dsn: z.string().nullable().describe('the DSN of the newest active key'),
  scrubbing: z.object({ enabled: z.boolean(), extraFields: z.array(z.string()) }),
  groupingConfig: z.string(),
  forwarding: z.object({ enabled: z.boolean(), target: z.string().nullable().describe('host and project of the forwarding DSN; never its key') }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof Project>;

export const ListProjectsInput = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), cursor: z.string().max(200).optional() });
export type ListProjectsInput = z.infer<typeof ListProjectsInput>;

const RateLimit = z.number().int().min(1).max(10_000_000).nullable().describe('events per minute accepted with this key; null for no limit');

export const CreateKeyInput = z.object({ label: z.string().trim().min(1).max(200).default('Default'), rateLimitPerMinute: RateLimit.optional() });
export type CreateKeyInput = z.infer<typeof CreateKeyInput>;
export const UpdateKeyInput = z.object({ label: z.string().trim().min(1).max(200).optional(), rateLimitPerMinute: RateLimit.optional() });
export type UpdateKeyInput = z.infer<typeof UpdateKeyInput>;
export const RotateKeyInput = z.object({
  graceSeconds: z.number().int().min(0).max(30 * 86_400).default(86_400).describe('how long the old key keeps working (default a day)'),
});
export type RotateKeyInput = z.infer<typeof RotateKeyInput>;

export const ProjectKey = z.object({
  id: z.string(),
  projectId: z.string(),
  label: z.string(),
  publicKey: z.string(),
  dsn: z.string(),
  status: z.enum(['active', 'revoked']),
  rateLimitPerMinute: z.number().nullable(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type ProjectKey = z.infer<typeof ProjectKey>;

export const OutcomesInput = z.object({ from: Iso.optional().describe('default: 24 hours ago'), to: Iso.optional().describe('default: now') });
export type OutcomesInput = z.infer<typeof OutcomesInput>;
const OutcomeRow = z.object({ category: z.string(), outcome: z.string(), reason: z.string(), quantity: z.number() });
export const OutcomesReport = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.array(OutcomeRow),
  byKey: z.array(OutcomeRow.extend({ keyId: z.string() })),
  queue: z.object({ queued: z.number(), failed: z.number() }),
});
export type OutcomesReport = z.infer<typeof OutcomesReport>;

export const ScrubReport = z.object({
  enabled: z.boolean(),
  total: z.number(),
  rules: z.array(z.object({ rule: z.string(), count: z.number(), updatedAt: z.string() })).describe('how many values each rule removed; never the values'),
});
export type ScrubReport = z.infer<typeof ScrubReport>;

export const ReleaseVersion = z.string().trim().min(1).max(200).regex(/^[^\n\r\t/\\]+$/, 'no slashes, tabs or newlines');
export const CreateReleaseInput = z.object({ version: ReleaseVersion });
export type CreateReleaseInput = z.infer<typeof CreateReleaseInput>;
export const Release = z.object({
  version: z.string(),
  createdAt: z.string(),
  firstEventAt: z.string().nullable(),
  lastEventAt: z.string().nullable(),
  eventCount: z.number(),
  newIssues: z.number(),
  regressions: z.number(),
});
export type Release = z.infer<typeof Release>;
export const ListReleasesInput = ListProjectsInput;
export type ListReleasesInput = ListProjectsInput;

const DebugId = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/, 'a debug id (UUID)')
  .transform((s) => s.toLowerCase().replace(/-/g, '').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'));

export const UploadSourcemapsInput = z
  .object({
    release: ReleaseVersion.optional().describe('needed unless every file has a debug id'),
    dist: z.string().trim().max(64).optional(),
    files: z
      .array(
        z.object({
          name: z.string().trim().min(1).max(1000).describe('the URL the file is served at (or ~/path for any host)'),
          content: z.base64().describe('the file, base64'),
          debugId: DebugId.optional(),
        }),
      )
      .min(1)
      .max(1000),
  })
  .describe('without a release, every file needs a debug id (given here or inside the map)');
export type UploadSourcemapsInput = z.input<typeof UploadSourcemapsInput>;

export const Artifact = z.object({
  id: z.string(),
  release: z.string().nullable(),
  dist: z.string().nullable(),
  name: z.string(),
  debugId: z.string().nullable(),
  kind: z.enum(['sourcemap', 'source']),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type Artifact = z.infer<typeof Artifact>;
export const ListArtifactsInput = z.object({ release: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200), cursor: z.string().max(200).optional() });
export type ListArtifactsInput = z.infer<typeof ListArtifactsInput>;

export const Level = z.enum(['debug', 'info', 'warning', 'error', 'fatal']);
export type Level = z.infer<typeof Level>;
const TagKey = z.string().trim().min(1).max(32);
export const RuleSettings = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new_issue'), settings: z.object({}).strict().default({}) }),
  z.object({ kind: z.literal('regression'), settings: z.object({}).strict().default({}) }),
  z.object({
    kind: z.literal('frequency'),
    settings: z.object({ threshold: z.number().int().min(1).max(10_000_000), windowMinutes: z.number().int().min(1).max(1440) }).strict(),
  }),
  z.object({ kind: z.literal('level'), settings: z.object({ level: Level.default('error') }).strict().default({ level: 'error' }) }),
  z.object({
    kind: z.literal('tag'),
    settings: z
      .object({ key: TagKey, value: z.string().max(200).optional(), severityByValue: z.record(z.string().max(200), Severity).optional() })
      .strict()
      .describe('fires when the event has the tag (with this value, if given); severityByValue maps the value to a severity'),
  }),
]);
export type RuleSettings = z.infer<typeof RuleSettings>;

const RuleCommon = z.object({
  name: z.string().trim().min(1).max(200),
  severity: Severity.default('error'),
  enabled: z.boolean().default(true),
  actionIntervalSeconds: z.number().int().min(0).max(30 * 86_400).default(1800).describe('an issue fires the rule at most once per interval'),
});
export const CreateAlertRuleInput = z.intersection(RuleCommon, RuleSettings);
export type CreateAlertRuleInput = z.input<typeof CreateAlertRuleInput>;
export const UpdateAlertRuleInput = RuleCommon.partial().extend({ settings: z.record(z.string(), z.unknown()).optional() });
export type UpdateAlertRuleInput = z.infer<typeof UpdateAlertRuleInput>;

export const AlertRule = z.object({
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  kind: z.enum(['new_issue', 'regression', 'frequency', 'level', 'tag']),
  settings: z.record(z.string(), z.unknown()),
  severity: Severity,
  enabled: z.boolean(),
  actionIntervalSeconds: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AlertRule = z.infer<typeof AlertRule>;
