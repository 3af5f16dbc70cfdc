import { z } from 'zod';
import { UserId } from './schedule-schemas.ts';

const ObjectId = z.string().min(1).max(64);

export const Target = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), id: UserId }),
  z.object({ type: z.literal('schedule'), id: ObjectId.describe('whoever is on call when the step fires') }),
  z.object({ type: z.literal('channel'), id: ObjectId.describe('a notification channel, paged as is') }),
]);
export type Target = z.infer<typeof Target>;

export const Step = z.object({
  delayMinutes: z.number().int().min(0).max(10_080).describe('minutes after the start of the pass'),
  targets: z.array(Target).min(1).max(20),
});
export type Step = z.infer<typeof Step>;

const policyFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2_000).nullable().optional(),
  steps: z.array(Step).min(1).max(20).describe('in order of delay'),
  repeat: z.number().int().min(0).max(9).describe('further passes through every step after the first'),
  repeatAfterMinutes: z.number().int().min(1).max(20_160).optional().describe('minutes from the start of one pass to the next; default the last delay + 30'),
};

export const CreatePolicyInput = z.object({ ...policyFields, repeat: policyFields.repeat.default(0) });
export type CreatePolicyInput = z.infer<typeof CreatePolicyInput>;

export const UpdatePolicyInput = z.object(policyFields).partial();
export type UpdatePolicyInput = z.infer<typeof UpdatePolicyInput>;

export const EscalationPolicy = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  steps: z.array(Step),
  repeat: z.number(),
  repeatAfterMinutes: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EscalationPolicy = z.infer<typeof EscalationPolicy>;

/** What is being escalated; the incidents module passes its incident. */
export const EscalationSubject = z.object({
  type: z.string().min(1).max(40),
  id: z.string().min(1).max(200),
  title: z.string().max(500),
  severity: z.string().max(20).describe('P0-P3 (P0 and P1 page at high urgency), or critical/error/warning/info'),
  url: z.string().max(2_000).optional(),
});
export type EscalationSubject = z.infer<typeof EscalationSubject>;

export const Urgency = z.enum(['high', 'low']);
export type Urgency = z.infer<typeof Urgency>;

export const EscalationRun = z.object({
  id: z.string(),
  policyId: z.string(),
  subject: EscalationSubject,
  urgency: Urgency,
  status: z.enum(['active', 'acknowledged', 'stopped']),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  endedBy: z.string().nullable(),
  endReason: z.string().nullable(),
});
export type EscalationRun = z.infer<typeof EscalationRun>;

export const EVENT_KINDS = ['escalation.started', 'escalation.step', 'page.sent', 'page.failed', 'escalation.acknowledged', 'escalation.stopped'] as const;

export const EscalationEvent = z.object({
  id: z.string(),
  runId: z.string(),
  at: z.string(),
  kind: z.enum(EVENT_KINDS),
  repeat: z.number().nullable(),
  step: z.number().nullable(),
  userId: z.string().nullable(),
  method: z.string().nullable().describe('email, sms, voice, chat, or channel for a channel target'),
  contactMethodId: z.string().nullable(),
  channelId: z.string().nullable(),
  dispatchId: z.string().nullable().describe('the notification dispatch: its receipts carry the same id'),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type EscalationEvent = z.infer<typeof EscalationEvent>;
