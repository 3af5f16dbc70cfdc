/** Sentry's data category of each envelope item type; types not listed are skipped as `unknown`. */
export const ITEM_CATEGORIES: Record<string, string> = {
  event: 'error',
  transaction: 'transaction',
  session: 'session',
  sessions: 'session',
  attachment: 'attachment',
  user_report: 'user_report',
  feedback: 'feedback',
  profile: 'profile',
  profile_chunk: 'profile_chunk',
  replay_event: 'replay',
  replay_recording: 'replay',
  replay_video: 'replay',
  check_in: 'monitor',
  span: 'span',
  log: 'log_item',
  otel_log: 'log_item',
  statsd: 'metric_bucket',
  metric_buckets: 'metric_bucket',
  client_report: 'internal',
};

/** JSON items kept in the queue (for the digest and forwarding); the rest are counted and dropped. */
export const QUEUED_TYPES = new Set(['event', 'transaction', 'feedback', 'user_report', 'session', 'sessions', 'check_in']);
/** Items carrying user data, scrubbed before they are queued. */
export const SCRUBBED_TYPES = new Set(['event', 'transaction', 'feedback', 'user_report']);

export function categoryOf(type: string): string {
  return ITEM_CATEGORIES[type] ?? 'unknown';
}

export const DISCARD_REASON = /^[a-z0-9_:.-]{1,64}$/;
export const CATEGORY_NAME = /^[a-z0-9_]{1,32}$/;
