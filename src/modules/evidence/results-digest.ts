import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { listCheckResults, listMonitors } from '../monitors/index.ts';
import { DAY } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';

export const RESULTS_DIGEST_ACTION = 'evidence.results_digest';

export interface MonitorDigest {
  results: number;
  sha256: string;
}

export interface DayDigest {
  day: string;
  /** SHA-256 of the canonical JSON of `{ day, monitors }`. */
  digest: string;
  results: number;
  monitors: Record<string, MonitorDigest>;
}

export const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const reader = (ctx: Ctx): Ctx => ({ ...ctx, role: 'viewer' });

/** Every monitor id of the organization, through the monitors module's verb. */
export async function monitorIds(ctx: Ctx): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMonitors({ ctx: reader(ctx), input: { limit: 1000, cursor } });
    ids.push(...page.data.map((m) => m.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/**
 * SHA-256 over one monitor's raw results of one UTC day: the canonical JSON of each result, one a
 * line, in the verb's total order (newest first, ties by every column), so a recount is byte-identical.
 */
export async function digestMonitorDay(ctx: Ctx, monitorId: string, day: string): Promise<MonitorDigest> {
  const hash = createHash('sha256');
  const from = new Date(dayStart(day)).toISOString();
  const to = new Date(dayStart(day) + DAY).toISOString();
  let results = 0;
  let cursor: string | undefined;
  do {
    const page = await listCheckResults({ ctx: reader(ctx), id: monitorId, input: { from, to, cursor, limit: 1000 } });
    for (const r of page.data) hash.update(`${canonicalize(r)}\n`);
    results += page.data.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { results, sha256: hash.digest('hex') };
}

/** The day's digest over every monitor that has results that day. */
export async function digestDay(ctx: Ctx, day: string, ids: string[]): Promise<DayDigest> {
  const monitors: Record<string, MonitorDigest> = {};
  let results = 0;
  for (const id of ids) {
    const d = await digestMonitorDay(ctx, id, day);
    if (d.results === 0) continue;
    monitors[id] = d;
    results += d.results;
  }
  const digest = createHash('sha256').update(canonicalize({ day, monitors })!).digest('hex');
  return { day, digest, results, monitors };
}
