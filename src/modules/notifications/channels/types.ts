import type { z } from 'zod';
import type { NotificationMessage } from '../message.ts';

/** What one attempt came to. `permanent` stops retries (a 400, say); `retryAfterMs` is the receiver's own wish. */
export interface SendResult {
  ok: boolean;
  statusCode?: number;
  retryAfterMs?: number;
  permanent?: boolean;
  error?: string;
}

export interface ChannelTemplate {
  title?: string;
  text?: string;
  html?: string;
}

/** A message after redaction, with its title, plain text and HTML rendered from the templates. */
export interface RenderedNotification {
  message: NotificationMessage;
  title: string;
  text: string;
  html: string;
}

export interface SendContext {
  /** Aborts at the per-attempt timeout or when Custos shuts down. */
  signal: AbortSignal;
  timeoutMs: number;
  /** Stable across retries of one delivery; receivers that support one get it. */
  idempotencyKey: string;
  now(): number;
  /** Per-channel memory for the message's group (a Slack message `ts` to update on resolve, say). */
  memory: { get(): Promise<unknown>; set(value: unknown): Promise<void> };
}

/**
 * A kind of notification channel (slack, pagerduty, email, ...). One file per type declares its
 * settings schema (secret fields optional, so a channel may exist before its credentials do), which
 * fields are secret (encrypted at rest, masked in answers), and `send`. `send` never throws for a
 * receiver failure: it answers `{ ok: false, error }`. Shared code never branches on `type`.
 */
export interface ChannelType<S = Record<string, unknown>> {
  type: string;
  label: string;
  settingsSchema: z.ZodType<S>;
  secretFields: readonly string[];
  /** Names of the credentials still missing; a channel with any is a visible no-op (`skipped`). */
  missingCredentials(settings: S): string[];
  /** Least time between two sends through one channel (Slack allows about one message a second per webhook). */
  minIntervalMs?: number;
  /** Default templates for this channel where the shared ones do not fit (a short SMS, a spoken call). */
  templates?: ChannelTemplate;
  send(notification: RenderedNotification, settings: S, ctx: SendContext): Promise<SendResult>;
}

export const missing = (settings: Record<string, unknown>, ...fields: string[]): string[] =>
  fields.filter((f) => settings[f] === undefined || settings[f] === null || settings[f] === '');
