import { z } from 'zod';

export const CONTACT_TYPES = ['email', 'sms', 'voice', 'chat'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

export const CreateContactMethodInput = z.object({
  type: z.enum(CONTACT_TYPES),
  address: z.string().trim().min(1).max(320).optional().describe('an email address (email) or an E.164 number (sms, voice)'),
  channelId: z.string().min(1).max(64).optional().describe('the channel to send through; required for chat, else the first enabled channel of the type'),
  label: z.string().max(100).optional(),
});
export type CreateContactMethodInput = z.infer<typeof CreateContactMethodInput>;

export const UpdateContactMethodInput = z.object({
  address: CreateContactMethodInput.shape.address,
  channelId: z.string().min(1).max(64).nullable().optional(),
  label: z.string().max(100).nullable().optional(),
});
export type UpdateContactMethodInput = z.infer<typeof UpdateContactMethodInput>;

export const ContactMethod = z.object({
  id: z.string(),
  userId: z.string(),
  type: z.enum(CONTACT_TYPES),
  address: z.string().nullable(),
  channelId: z.string().nullable(),
  label: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContactMethod = z.infer<typeof ContactMethod>;

export const RULE_URGENCIES = ['high', 'low', 'any'] as const;

export const CreateNotificationRuleInput = z.object({
  contactMethodId: z.string().min(1).max(64),
  delayMinutes: z.number().int().min(0).max(1_440).default(0).describe('minutes after the step pages this person'),
  urgency: z.enum(RULE_URGENCIES).default('any').describe('high: P0 and P1 pages; low: the rest'),
});
export type CreateNotificationRuleInput = z.infer<typeof CreateNotificationRuleInput>;

export const UpdateNotificationRuleInput = z.object({
  contactMethodId: z.string().min(1).max(64).optional(),
  delayMinutes: z.number().int().min(0).max(1_440).optional(),
  urgency: z.enum(RULE_URGENCIES).optional(),
});
export type UpdateNotificationRuleInput = z.infer<typeof UpdateNotificationRuleInput>;

export const NotificationRule = z.object({
  id: z.string(),
  userId: z.string(),
  contactMethodId: z.string(),
  delayMinutes: z.number(),
  urgency: z.enum(RULE_URGENCIES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NotificationRule = z.infer<typeof NotificationRule>;
