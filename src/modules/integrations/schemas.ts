import { z } from 'zod';

const LabelKey = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,62}$/, 'letters, digits, _ . - (max 63), starting with a letter or _');
const Labels = z.record(LabelKey, z.string().max(200)).refine((l) => Object.keys(l).length <= 32, 'at most 32 labels');

export const CreateIntegrationInput = z.object({
  name: z.string().trim().min(1).max(200),
  type: z.string().min(1).max(40).describe('an integration type; GET /integration-types lists them'),
  settings: z.record(z.string(), z.unknown()).default({}).describe('type-specific; secret fields are encrypted at rest and masked in answers'),
  labels: Labels.default({}).describe("added to every alert the integration raises; they win over the sender's labels"),
});
export type CreateIntegrationInput = z.input<typeof CreateIntegrationInput>;

export const UpdateIntegrationInput = z.object({
  name: CreateIntegrationInput.shape.name.optional(),
  settings: z.record(z.string(), z.unknown()).optional().describe('merged into the current settings; null removes a field; a masked secret keeps the stored one'),
  labels: Labels.optional(),
});
export type UpdateIntegrationInput = z.infer<typeof UpdateIntegrationInput>;

export const Integration = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  settings: z.record(z.string(), z.unknown()),
  labels: z.record(z.string(), z.string()),
  tokenPrefix: z.string().describe('the first characters of the hook token; the token is shown only at create and rotate'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Integration = z.infer<typeof Integration>;

export const CreatedIntegration = Integration.extend({
  token: z.string().describe('the secret in the hook URL (the routing key for PagerDuty clients); shown once'),
  url: z.string().describe('POST deliveries here'),
});
export type CreatedIntegration = z.infer<typeof CreatedIntegration>;

const Limit = z.coerce.number().int().min(1).max(500).default(50);

export const ListIntegrationsInput = z.object({ type: z.string().max(40).optional(), limit: Limit, cursor: z.string().max(500).optional() });
export type ListIntegrationsInput = z.infer<typeof ListIntegrationsInput>;

export const DELIVERY_OUTCOMES = ['processed', 'ignored', 'rejected'] as const;

export const AppliedChange = z.object({
  dedupKey: z.string(),
  ref: z.string().nullable().describe("the sender's own key (PagerDuty dedup_key, the webhook's key)"),
  action: z.enum(['fire', 'resolve', 'acknowledge']),
  result: z.string().describe('created, updated, unchanged, reopened, stale, resolved, acknowledged, not_firing, unknown'),
  alertId: z.string().nullable(),
});

export const Delivery = z.object({
  id: z.string(),
  integrationId: z.string(),
  receivedAt: z.string(),
  event: z.string().nullable(),
  senderDeliveryId: z.string().nullable(),
  contentHash: z.string(),
  bodyBytes: z.number(),
  status: z.number().describe('the HTTP status the sender got'),
  outcome: z.enum(DELIVERY_OUTCOMES),
  dedupKeys: z.array(z.string()),
  changes: z.array(AppliedChange),
  error: z.string().nullable().describe('why the delivery was refused'),
  note: z.string().nullable().describe('why a well-formed delivery changed nothing'),
  redeliveries: z.number().describe('times the same delivery came again and was answered without being applied'),
  lastRedeliveryAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof Delivery>;

export const ListDeliveriesInput = z.object({ outcome: z.enum(DELIVERY_OUTCOMES).optional(), limit: Limit, cursor: z.string().max(200).optional() });
export type ListDeliveriesInput = z.infer<typeof ListDeliveriesInput>;

export const IntegrationTypeInfo = z.object({
  type: z.string(),
  label: z.string(),
  secretFields: z.array(z.string()),
  paths: z.array(z.string()).describe('where senders post; :token is the integration token'),
  settingsSchema: z.record(z.string(), z.unknown()),
});
export type IntegrationTypeInfo = z.infer<typeof IntegrationTypeInfo>;
