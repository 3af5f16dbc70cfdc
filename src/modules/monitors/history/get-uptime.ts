import { assertCan, type Ctx } from '../../../platform/context.ts';
import { getMonitorInOrg } from '../get-monitor.ts';
import { countChecks } from './count-checks.ts';
import { iso, resolveRange } from './range.ts';
import type { CoverageGap, Uptime, UptimeQuery } from './schemas.ts';
import { gapIntervals, loadFlipHistories, loadGaps, type GapRow } from './store.ts';
import { buildSegments, stateDurations, uptimeRatio } from './timeline.ts';

const MAX_GAPS = 1_000;

export const toCoverageGap = (g: GapRow): CoverageGap => ({
  id: g.id,
  from: iso(g.start),
  to: iso(g.end),
  durationMs: g.end - g.start,
  missedChecks: g.missedChecks,
  cause: g.cause,
  detail: g.detail,
});

/**
 * Uptime from state durations: the flip timeline over the range, with maintenance and paused
 * time apart and pending, coverage gaps and pre-creation time reported as no data.
 */
export async function getUptime({ ctx, id, input }: { ctx: Ctx; id: string; input: UptimeQuery }): Promise<Uptime> {
  assertCan(ctx, 'read');
  const monitor = await getMonitorInOrg(ctx, id);
  const range = resolveRange(input, ctx.clock.now());
  const [histories, gaps] = await Promise.all([
    loadFlipHistories(ctx.db, ctx.dialect, ctx.orgId, [id], range.from, range.to),
    loadGaps(ctx.db, ctx.dialect, ctx.orgId, [id], range.from, range.to),
  ]);
  const segments = buildSegments({ ...range, ...histories.get(id)!, createdAt: Number(monitor.created_at), current: monitor.state });
  const { activeMs: _active, ...d } = stateDurations(segments, gapIntervals(gaps.get(id)), range.from, range.to);
  const checks = await countChecks(ctx.db, ctx.orgId, id, monitor.interval_s, range, segments);
  return {
    monitorId: id,
    from: iso(range.from),
    to: iso(range.to),
    ...uptimeRatio(d),
    ...d,
    checks,
    gaps: (gaps.get(id) ?? []).slice(-MAX_GAPS).map(toCoverageGap),
  };
}
