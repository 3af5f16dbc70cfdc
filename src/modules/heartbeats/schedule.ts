import { Cron } from 'croner';
import type { HeartbeatSettings } from '../monitors/index.ts';

export type ScheduleSpec = { kind: 'period'; period: number; grace: number } | { kind: 'cron'; cron: string; timezone: string; grace: number };

/** A heartbeat's settings as the ping path and the sweep use them. */
export interface HeartbeatConfig {
  schedule: ScheduleSpec;
  graceMs: number;
  slug: string | null;
  pushToken: string | null;
  bodyLimit: number;
  filters: { success: string[]; failure: string[]; start: string[] } | null;
  /** The next time a ping is expected after one at `at` (null: the cron never matches again). */
  nextExpected(at: number): number | null;
}

const MAX_CACHED = 5_000;
// Parsing settings and cron expressions is pure but not free; the ping path asks for the same few often.
const configs = new Map<string, HeartbeatConfig>();

function lower(words: string[] | undefined): string[] {
  return (words ?? []).map((w) => w.toLowerCase());
}

function build(s: HeartbeatSettings): HeartbeatConfig {
  const graceMs = s.grace * 1000;
  const filters = s.filters && (s.filters.success?.length || s.filters.failure?.length || s.filters.start?.length) ? { success: lower(s.filters.success), failure: lower(s.filters.failure), start: lower(s.filters.start) } : null;
  const common = { graceMs, slug: s.slug ?? null, pushToken: s.pushToken ?? null, bodyLimit: s.bodyLimit, filters };
  if (s.cron !== undefined) {
    const cron = new Cron(s.cron, { timezone: s.timezone, mode: '5-part' });
    return {
      ...common,
      schedule: { kind: 'cron', cron: s.cron, timezone: s.timezone, grace: s.grace },
      nextExpected: (at) => cron.nextRun(new Date(at))?.getTime() ?? null,
    };
  }
  const periodMs = s.period! * 1000;
  return { ...common, schedule: { kind: 'period', period: s.period!, grace: s.grace }, nextExpected: (at) => at + periodMs };
}

/** The config of stored (already validated) settings, memoized by their JSON text. */
export function heartbeatConfig(settingsJson: string): HeartbeatConfig {
  let config = configs.get(settingsJson);
  if (!config) {
    const s = JSON.parse(settingsJson) as HeartbeatSettings;
    config = build({ ...s, grace: s.grace ?? 3_600, bodyLimit: s.bodyLimit ?? 10_000, timezone: s.timezone ?? 'UTC', period: s.cron === undefined ? (s.period ?? 86_400) : undefined });
    if (configs.size >= MAX_CACHED) configs.clear();
    configs.set(settingsJson, config);
  }
  return config;
}
