import { listEscalationPolicies, listSchedules, listShifts } from '../../oncall/index.ts';
import { HOUR } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { iso } from '../collect.ts';
import type { Period } from '../period.ts';
import type { OncallSection } from '../schemas.ts';

const MAX_SPANS = 200;

/** The spans of [from, to) that no shift covers. */
export function uncoveredSpans(shifts: { start: number; end: number }[], from: number, to: number): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let cursor = from;
  for (const s of [...shifts].sort((a, b) => a.start - b.start)) {
    if (s.start > cursor) spans.push({ start: cursor, end: Math.min(s.start, to) });
    cursor = Math.max(cursor, s.end);
    if (cursor >= to) break;
  }
  if (cursor < to) spans.push({ start: cursor, end: to });
  return spans.filter((s) => s.end > s.start);
}

/** Per schedule, the time in the period (from the schedule's creation) with nobody on call. */
export async function oncallSection(ctx: Ctx, period: Period): Promise<OncallSection> {
  const schedules = await listSchedules({ ctx });
  const out: OncallSection['schedules'] = [];
  for (const schedule of schedules) {
    const from = Math.max(period.from, Date.parse(schedule.createdAt));
    if (from >= period.to) continue;
    const shifts = await listShifts({ ctx, scheduleId: schedule.id, input: { from: iso(from), to: iso(period.to) } });
    const spans = uncoveredSpans(
      shifts.map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end) })),
      from,
      period.to,
    );
    const uncoveredMs = spans.reduce((n, s) => n + s.end - s.start, 0);
    out.push({
      scheduleId: schedule.id,
      name: schedule.name,
      coveredMs: period.to - from - uncoveredMs,
      uncoveredMs,
      uncoveredHours: Math.round((uncoveredMs / HOUR) * 100) / 100,
      uncovered: spans.slice(0, MAX_SPANS).map((s) => ({ from: iso(s.start), to: iso(s.end) })),
    });
  }
  return { schedules: out, escalationPolicies: (await listEscalationPolicies({ ctx })).length };
}
