import { Cron } from 'croner';
import { z } from 'zod';
import { ProbeInternalError, type ProbeType } from './probe.ts';

const YEAR_S = 366 * 86_400;
export const DEFAULT_HEARTBEAT_PERIOD_S = 86_400;
export const HEARTBEAT_SLUG = /^[a-z0-9][a-z0-9_-]{0,99}$/;
export const PUSH_TOKEN = /^[A-Za-z0-9_-]{8,64}$/;

const Keywords = z.array(z.string().trim().min(1).max(200)).max(50);

export function isTimeZone(zone: string): boolean {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone !== '';
  } catch {
    return false;
  }
}

function cronProblem(expression: string, timezone: string): string | null {
  try {
    const next = new Cron(expression, { timezone, mode: '5-part' }).nextRun();
    return next === null ? 'the expression never matches a future time' : null;
  } catch (err) {
    return `not a five-field cron expression: ${(err as Error).message}`;
  }
}

/**
 * A heartbeat expects pings instead of checking a target. The schedule is either a `period` in
 * seconds (one day when neither is given) or a five-field `cron` expression read in `timezone`;
 * after the expected time the monitor is late (degraded) for `grace` seconds, then down.
 */
export const HeartbeatSettings = z
  .object({
    period: z.int().min(10).max(YEAR_S).optional().describe('seconds between pings'),
    cron: z.string().trim().min(9).max(200).optional().describe('five-field cron expression, e.g. "0 2 * * *"'),
    timezone: z.string().min(1).max(64).default('UTC').describe('IANA time zone the cron expression is read in'),
    grace: z.int().min(0).max(YEAR_S).default(3_600).describe('seconds a ping may be late, and a started run may last, before down'),
    slug: z.string().regex(HEARTBEAT_SLUG, 'lowercase letters, digits, - and _ (max 100), starting with a letter or digit').optional(),
    filters: z
      .object({ success: Keywords.optional(), failure: Keywords.optional(), start: Keywords.optional() })
      .optional()
      .describe('keywords that classify a plain ping by its body; a body matching none is recorded and ignored'),
    bodyLimit: z.int().min(0).max(100_000).default(10_000).describe('bytes of each ping body kept as its log'),
    pushToken: z.string().regex(PUSH_TOKEN, '8 to 64 letters, digits, - or _').optional().describe('Uptime Kuma push token; generated when absent'),
  })
  .superRefine((s, ctx) => {
    if (s.period !== undefined && s.cron !== undefined) ctx.addIssue({ code: 'custom', path: ['cron'], message: 'give either period or cron, not both' });
    if (!isTimeZone(s.timezone)) {
      ctx.addIssue({ code: 'custom', path: ['timezone'], message: `unknown time zone "${s.timezone}"` });
      return;
    }
    const problem = s.cron === undefined ? null : cronProblem(s.cron, s.timezone);
    if (problem) ctx.addIssue({ code: 'custom', path: ['cron'], message: problem });
  })
  .transform((s) => (s.period === undefined && s.cron === undefined ? { ...s, period: DEFAULT_HEARTBEAT_PERIOD_S } : s));
export type HeartbeatSettings = z.infer<typeof HeartbeatSettings>;

/** Passive: the heartbeats module applies pings and deadlines; the scheduler never runs it. */
export const heartbeatProbe: ProbeType<HeartbeatSettings> = {
  type: 'heartbeat',
  settingsSchema: HeartbeatSettings,
  passive: true,
  check: async () => {
    throw new ProbeInternalError('PROBE_BUG', 'heartbeat monitors are passive: their state comes from pings and deadlines, never from a check');
  },
};
