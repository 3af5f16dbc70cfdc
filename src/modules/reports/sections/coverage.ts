import { ratio } from '../collect.ts';
import type { CoverageSection } from '../schemas.ts';
import type { MonitorHistory } from './monitor-history.ts';

/** Expected vs executed checks per monitor, and the coverage gaps with their causes. */
export function coverageSection(histories: MonitorHistory[]): CoverageSection {
  const totals = { expected: 0, executed: 0, missed: 0, coverage: null as number | null, gaps: 0, gapMs: 0 };
  const gapsByCause: CoverageSection['gapsByCause'] = {};
  const monitors = histories.map(({ monitor, uptime, gaps }) => {
    const { expected, executed, missed } = uptime.checks;
    totals.expected += expected;
    totals.executed += executed;
    totals.missed += missed;
    for (const g of gaps) {
      totals.gaps++;
      totals.gapMs += g.durationMs;
      const cause = (gapsByCause[g.cause] ??= { count: 0, durationMs: 0, missedChecks: 0 });
      cause.count++;
      cause.durationMs += g.durationMs;
      cause.missedChecks += g.missedChecks;
    }
    const covered = ratio(executed, expected);
    return {
      monitorId: monitor.id,
      name: monitor.name,
      intervalS: monitor.interval,
      expected,
      executed,
      missed,
      coverage: covered === null ? null : Math.min(1, covered),
      gaps: gaps.map(({ from, to, durationMs, missedChecks, cause, detail }) => ({ from, to, durationMs, missedChecks, cause, detail })),
    };
  });
  const covered = ratio(totals.executed, totals.expected);
  totals.coverage = covered === null ? null : Math.min(1, covered);
  return { monitors, totals, gapsByCause };
}
