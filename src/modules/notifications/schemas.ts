import { z } from 'zod';
import { ChannelTemplateInput } from './templates.ts';

const LabelKey = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,62}$/, 'letters, digits, _ . - (max 63), starting with a letter or _');
const Labels = z.record(LabelKey, z.string().max(200)).refine((l) => Object.keys(l).length <= 32, 'at most 32 labels');

export const CreateChannelInput = z.object({
  name: z.string().trim().min(1).max(200),
  type: z.string().min(1).max(40).describe('a channel type; GET /channel-types lists them'),
  settings: z.record(z.string(), z.unknown()).describe('type-specific; secret fields are encrypted at rest and masked in answers'),
  labels: Labels.default({}),
  template: ChannelTemplateInput.nullable().optional().describe('mustache templates (title, text, html); omitted fields use the defaults'),
  enabled: z.boolean().default(true),
});
export type CreateChannelInput = z.infer<typeof CreateChannelInput>;

export const UpdateChannelInput = z.object({
  name: CreateChannelInput.shape.name.optional(),
  settings: z.record(z.string(), z.unknown()).optional().describe('merged into the current settings; null removes a field; a masked secret keeps the stored one'),
  labels: Labels.optional(),
  template: ChannelTemplateInput.nullable().optional(),
  enabled: z.boolean().optional(),
});
export type UpdateChannelInput = z.infer<typeof UpdateChannelInput>;

export const Channel = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  settings: z.record(z.string(), z.unknown()),
  labels: z.record(z.string(), z.string()),
  template: ChannelTemplateInput.nullable(),
  enabled: z.boolean(),
  missingCredentials: z.array(z.string()).describe('credentials still to set; until then every delivery is skipped'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Channel = z.infer<typeof Channel>;

const Limit = z.coerce.number().int().min(1).max(500).default(50);

export const ListChannelsInput = z.object({ type: z.string().max(40).optional(), limit: Limit, cursor: z.string().max(500).optional() });
export type ListChannelsInput = z.infer<typeof ListChannelsInput>;

export const RECEIPT_STATES = ['delivered', 'retrying', 'failed', 'skipped'] as const;

export const Receipt = z.object({
  id: z.string(),
  at: z.string(),
  channelId: z.string(),
  channelType: z.string(),
  dispatchId: z.string().nullable(),
  alertIds: z.array(z.string()),
  groupKey: z.string().nullable(),
  kind: z.string(),
  attempt: z.number(),
  status: z.enum(RECEIPT_STATES),
  statusCode: z.number().nullable(),
  latencyMs: z.number(),
  error: z.string().nullable(),
  idempotencyKey: z.string(),
  test: z.boolean(),
  fallback: z.boolean(),
  nextAttemptAt: z.string().nullable(),
});
export type Receipt = z.infer<typeof Receipt>;

export const ListReceiptsInput = z.object({
  alertId: z.string().max(200).optional(),
  dispatchId: z.string().max(200).optional(),
  channelId: z.string().max(64).optional(),
  status: z.enum(RECEIPT_STATES).optional(),
  limit: Limit,
  cursor: z.string().max(500).optional(),
});
export type ListReceiptsInput = z.infer<typeof ListReceiptsInput>;

export const TestChannelInput = z.object({ message: z.string().max(500).optional() }).default({});
export type TestChannelInput = z.infer<typeof TestChannelInput>;

export const NotificationSettings = z.object({
  fallbackChannelId: z.string().nullable().describe('receives a dispatch that reached no channel'),
  redactFields: z.array(z.string()).describe('field names redacted before sending, on top of the defaults'),
  updatedAt: z.string().nullable(),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const UpdateNotificationSettingsInput = z.object({
  fallbackChannelId: z.string().min(1).max(64).nullable().optional(),
  redactFields: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
});
export type UpdateNotificationSettingsInput = z.infer<typeof UpdateNotificationSettingsInput>;

export const ChannelTypeInfo = z.object({
  type: z.string(),
  label: z.string(),
  secretFields: z.array(z.string()),
  minIntervalMs: z.number().nullable(),
  settingsSchema: z.record(z.string(), z.unknown()),
});
export type ChannelTypeInfo = z.infer<typeof ChannelTypeInfo>;
