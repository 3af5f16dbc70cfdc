import { z } from 'zod';

const HexColor = z
  .string()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'a hex colour such as #1f6feb')
  .toLowerCase();
const Slug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'lowercase letters, digits and inner hyphens (max 64)')
  .describe('the public URL is /status/<slug>');
const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, 'a host name such as status.example.com')
  .describe('served at / when the Host header names it');
const LogoUrl = z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).max(2000);
const Password = z.string().min(8, 'at least 8 characters').max(200);
export const Iso = z.iso.datetime({ offset: true });
const Ids = z.array(z.string().min(1).max(64)).max(100);

export const DEFAULT_BRAND_COLOR = '#1f2937';
export const DEFAULT_ACCENT_COLOR = '#0969da';

export const CreateStatusPageInput = z.object({
  slug: Slug,
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  logoUrl: LogoUrl.nullable().optional(),
  brandColor: HexColor.default(DEFAULT_BRAND_COLOR).describe('header background; the header text picks black or white for contrast'),
  accentColor: HexColor.default(DEFAULT_ACCENT_COLOR).describe('links and focus rings; darkened on the page if needed for contrast'),
  customDomain: Domain.nullable().optional(),
  password: Password.nullable().optional().describe('viewers must enter it; null or absent for a public page'),
  published: z.boolean().default(false),
  showUptime: z.boolean().default(true),
});
export type CreateStatusPageInput = z.infer<typeof CreateStatusPageInput>;

export const UpdateStatusPageInput = z.object({
  slug: Slug.optional(),
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  logoUrl: LogoUrl.nullable().optional(),
  brandColor: HexColor.optional(),
  accentColor: HexColor.optional(),
  customDomain: Domain.nullable().optional(),
  password: Password.nullable().optional().describe('a new password, or null to make the page public'),
  published: z.boolean().optional(),
  showUptime: z.boolean().optional(),
});
export type UpdateStatusPageInput = z.infer<typeof UpdateStatusPageInput>;

export const StatusPage = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  logoUrl: z.string().nullable(),
  brandColor: z.string(),
  accentColor: z.string(),
  customDomain: z.string().nullable(),
  passwordProtected: z.boolean(),
  published: z.boolean(),
  showUptime: z.boolean(),
  path: z.string().describe('where the page is served, /status/<slug>'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StatusPage = z.infer<typeof StatusPage>;

export const CreateComponentInput = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(1000).nullable().optional(),
  position: z.number().int().min(0).max(100_000).optional().describe('sort order; defaults to after the last component'),
  group: z.string().trim().min(1).max(200).nullable().optional().describe('components with the same group are shown together'),
  monitorIds: Ids.default([]).describe('monitors of this organization; the component shows the worst of their states'),
});
export type CreateComponentInput = z.infer<typeof CreateComponentInput>;

export const UpdateComponentInput = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(1000).nullable().optional(),
  position: z.number().int().min(0).max(100_000).optional(),
  group: z.string().trim().min(1).max(200).nullable().optional(),
  monitorIds: Ids.optional(),
});
export type UpdateComponentInput = z.infer<typeof UpdateComponentInput>;

export const Component = z.object({
  id: z.string(),
  pageId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  position: z.number(),
  group: z.string().nullable(),
  monitorIds: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Component = z.infer<typeof Component>;

export const IncidentImpact = z.enum(['none', 'minor', 'major', 'critical']);
export const IncidentStatus = z.enum(['investigating', 'identified', 'monitoring', 'resolved']);

export const CreatePageIncidentInput = z.object({
  title: z.string().trim().min(1).max(200),
  impact: IncidentImpact.default('minor'),
  status: IncidentStatus.default('investigating').describe('the status of the first update'),
  message: z.string().trim().min(1).max(5000).describe('the first update, shown to the public'),
  componentIds: Ids.default([]).describe('affected components of this page'),
  incidentId: z.string().min(1).max(64).nullable().optional().describe('the internal incident this notice is about'),
  startedAt: Iso.optional().describe('defaults to now'),
});
export type CreatePageIncidentInput = z.infer<typeof CreatePageIncidentInput>;

export const UpdatePageIncidentInput = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  impact: IncidentImpact.optional(),
  componentIds: Ids.optional(),
  incidentId: z.string().min(1).max(64).nullable().optional(),
});
export type UpdatePageIncidentInput = z.infer<typeof UpdatePageIncidentInput>;

export const PostIncidentUpdateInput = z.object({
  status: IncidentStatus,
  message: z.string().trim().min(1).max(5000),
  at: Iso.optional().describe('defaults to now'),
});
export type PostIncidentUpdateInput = z.infer<typeof PostIncidentUpdateInput>;

export const IncidentUpdate = z.object({ id: z.string(), status: IncidentStatus, message: z.string(), at: z.string() });
export type IncidentUpdate = z.infer<typeof IncidentUpdate>;

export const PageIncident = z.object({
  id: z.string(),
  pageId: z.string(),
  incidentId: z.string().nullable(),
  title: z.string(),
  impact: IncidentImpact,
  status: IncidentStatus,
  componentIds: z.array(z.string()),
  startedAt: z.string(),
  resolvedAt: z.string().nullable(),
  updates: z.array(IncidentUpdate).describe('newest first'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PageIncident = z.infer<typeof PageIncident>;

export const ListPageIncidentsInput = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListPageIncidentsInput = z.infer<typeof ListPageIncidentsInput>;

export const CreateMaintenanceInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5000).nullable().optional(),
    startsAt: Iso,
    endsAt: Iso,
    componentIds: Ids.default([]),
  })
  .refine((m) => Date.parse(m.endsAt) > Date.parse(m.startsAt), { path: ['endsAt'], message: 'must be after startsAt' });
export type CreateMaintenanceInput = z.infer<typeof CreateMaintenanceInput>;

export const UpdateMaintenanceInput = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(5000).nullable().optional(),
  startsAt: Iso.optional(),
  endsAt: Iso.optional(),
  componentIds: Ids.optional(),
});
export type UpdateMaintenanceInput = z.infer<typeof UpdateMaintenanceInput>;

export const Maintenance = z.object({
  id: z.string(),
  pageId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  componentIds: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Maintenance = z.infer<typeof Maintenance>;
