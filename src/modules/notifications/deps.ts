import type { Services } from '../../platform/context.ts';
import type { SecretBox } from '../../platform/crypto/index.ts';
import type { PreparedChannels } from './attempt.ts';
import type { ChannelRegistry } from './channels/index.ts';

export interface DeliveryOptions {
  /** Per-attempt timeout. */
  attemptTimeoutMs: number;
  /** Sends per delivery before it fails for good. */
  maxAttempts: number;
  /** Attempt n waits base * 2^(n-1), capped, with ±20% jitter, unless the receiver said when (Retry-After). */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** The longest Retry-After honoured as given; longer ones are cut to this. */
  maxRetryAfterMs: number;
  random: () => number;
}

// 8 sends, the last about an hour after the first: 30 s, 1, 2, 4, 8, 16 and 30 minutes apart.
export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  attemptTimeoutMs: 5_000,
  maxAttempts: 8,
  backoffBaseMs: 30_000,
  backoffMaxMs: 30 * 60_000,
  maxRetryAfterMs: 60 * 60_000,
  random: Math.random,
};

/** What the channel verbs need beyond their context. */
export interface ChannelDeps {
  registry: ChannelRegistry;
  secrets(): SecretBox;
}

/** What sending needs: the channel deps, the process services and the delivery policy. */
export interface NotificationDeps extends ChannelDeps {
  services: Services;
  options: DeliveryOptions;
  /** Channels ready to send, reused while unchanged. */
  prepared?: PreparedChannels;
}

export function retryDelay(options: DeliveryOptions, attempt: number, retryAfterMs: number | undefined): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(retryAfterMs, 0), options.maxRetryAfterMs);
  const base = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * options.random()));
}
