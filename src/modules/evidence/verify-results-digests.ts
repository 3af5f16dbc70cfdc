import { getRetention } from '../monitors/index.ts';
import { DAY } from '../../platform/clock.ts';
import { assertCan, type Ctx } from '../../platform/context.ts';
import type { AuditEvent } from '../audit/index.ts';
import { eventsBetween } from './chain-reader.ts';
import { dayStart, digestMonitorDay, monitorIds, RESULTS_DIGEST_ACTION, type DayDigest } from './results-digest.ts';

export interface ResultsProblem {
  day: string;
  monitorId: string;
  reason: 'results_changed' | 'results_added' | 'monitor_missing';
  detail: string;
}

export interface ResultsVerification {
  ok: boolean;
  daysChecked: number;
  /** Committed days whose raw results are past retention: their digests stand, but cannot be recomputed. */
  daysExpired: string[];
  firstProblem: ResultsProblem | null;
}

/** The daily digests among `events` of days in [from, to], one per day, in day order. */
export function digestsIn(events: AuditEvent[], from: number, to: number): DayDigest[] {
  const byDay = new Map<string, DayDigest>();
  for (const e of events) {
    const d = e.data as DayDigest;
    if (e.action === RESULTS_DIGEST_ACTION && dayStart(d.day) >= from && dayStart(d.day) <= to && !byDay.has(d.day)) byDay.set(d.day, d);
  }
  return [...byDay.values()].toSorted((a, b) => a.day.localeCompare(b.day));
}

/** The committed daily digests of days in [from, to] (each is recorded the day after). */
export async function committedDigests(ctx: Ctx, from: number, to: number): Promise<DayDigest[]> {
  return digestsIn(await eventsBetween(ctx, from, to + 2 * DAY, RESULTS_DIGEST_ACTION), from, to);
}

async function dayProblem(ctx: Ctx, committed: DayDigest, ids: string[]): Promise<ResultsProblem | null> {
  const existing = new Set(ids);
  for (const [monitorId, want] of Object.entries(committed.monitors)) {
    if (!existing.has(monitorId)) return { day: committed.day, monitorId, reason: 'monitor_missing', detail: `monitor ${monitorId} had ${want.results} results on ${committed.day} and no longer exists` };
    const got = await digestMonitorDay(ctx, monitorId, committed.day);
    if (got.sha256 !== want.sha256) {
      return { day: committed.day, monitorId, reason: 'results_changed', detail: `monitor ${monitorId}'s results of ${committed.day} differ from the committed digest (${got.results} results now, ${want.results} then)` };
    }
  }
  for (const monitorId of ids.filter((id) => !(id in committed.monitors))) {
    const got = await digestMonitorDay(ctx, monitorId, committed.day);
    if (got.results > 0) return { day: committed.day, monitorId, reason: 'results_added', detail: `monitor ${monitorId} has ${got.results} results on ${committed.day} that were not committed` };
  }
  return null;
}

/** Recomputes each committed day in [from, to] (epoch ms of UTC days) from raw results and names the first monitor and day that differ. */
export async function verifyResultsDigests({ ctx, from, to }: { ctx: Ctx; from: number; to: number }): Promise<ResultsVerification> {
  assertCan(ctx, 'audit');
  const { rawDays } = await getRetention({ ctx });
  const cutoff = ctx.clock.now() - rawDays * DAY;
  const ids = await monitorIds(ctx);
  const out: ResultsVerification = { ok: true, daysChecked: 0, daysExpired: [], firstProblem: null };
  for (const committed of await committedDigests(ctx, from, to)) {
    if (dayStart(committed.day) < cutoff) {
      out.daysExpired.push(committed.day);
      continue;
    }
    out.daysChecked++;
    const problem = await dayProblem(ctx, committed, ids);
    if (problem) return { ...out, ok: false, firstProblem: problem };
  }
  return out;
}
