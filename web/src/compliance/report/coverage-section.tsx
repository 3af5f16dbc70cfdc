import { Link } from 'wouter';
import { LoadMore } from '../../components/load-more.tsx';
import { formatDuration, Time } from '../../components/time.tsx';
import { Figures, ShareBar } from './bars.tsx';
import { count, pct, span, zoomFloor } from './format.ts';
import { num, ReportTable } from './report-table.tsx';
import { Section } from './section.tsx';
import type { Report } from './types.ts';
import { useCapped } from './use-capped.ts';

const CAUSES: Record<string, string> = { process_down: 'Custos was not running', overload: 'overloaded', internal_error: 'internal error' };

/** Expected against executed checks, and every coverage gap with its cause. */
export function CoverageSection({ coverage }: { coverage: Report['coverage'] }) {
  const { totals } = coverage;
  const monitors = coverage.monitors.toSorted((a, b) => (a.coverage ?? 1) - (b.coverage ?? 1));
  const floor = zoomFloor(monitors.map((m) => m.coverage));
  const capped = useCapped(monitors);
  const gaps = useCapped(coverage.monitors.flatMap((m) => m.gaps.map((g) => ({ ...g, monitor: m }))).toSorted((a, b) => a.from.localeCompare(b.from)), 100);
  const gapCount = coverage.totals.gaps;
  return (
    <Section id="report-coverage" title="Monitoring coverage" intro="Expected checks are the active time divided by the interval; executed are the stored results. A gap is a span when checks were due and none ran.">
      <Figures
        label="Coverage totals"
        items={[
          { label: 'Coverage', value: pct(totals.coverage), tone: totals.coverage !== null && totals.coverage < 0.999 ? 'bad' : 'good' },
          { label: 'Expected checks', value: count(totals.expected) },
          { label: 'Executed', value: count(totals.executed) },
          { label: 'Missed', value: count(totals.missed), tone: totals.missed > 0 ? 'bad' : undefined },
          { label: 'Gaps', value: `${totals.gaps} · ${formatDuration(totals.gapMs)}`, tone: totals.gaps > 0 ? 'bad' : undefined },
        ]}
      />
      {Object.keys(coverage.gapsByCause).length > 0 && (
        <ul className="chips" aria-label="Gaps by cause">
          {Object.entries(coverage.gapsByCause).map(([cause, c]) => (
            <li key={cause} className="tag">
              {CAUSES[cause] ?? cause}: {c.count} gap{c.count === 1 ? '' : 's'}, {formatDuration(c.durationMs)}, {count(c.missedChecks)} checks missed
            </li>
          ))}
        </ul>
      )}
      {monitors.length > 0 && (
        <>
          <ReportTable label="Coverage per monitor" columns={['Monitor', 'Coverage', num('Expected'), num('Executed'), num('Missed'), num('Gaps')]}>
            <tbody>
              {capped.shown.map((m) => (
                <tr key={m.monitorId}>
                  <td>
                    <Link href={`/monitors/${m.monitorId}`} className="monitor-name">
                      {m.name}
                    </Link>
                    <div className="small muted">every {span(m.intervalS * 1000)}</div>
                  </td>
                  <td className="chart-cell">
                    <ShareBar value={m.coverage} floor={floor} tone={m.gaps.length > 0 ? 'below' : 'ok'} label={`${m.name}: ${pct(m.coverage)} of expected checks ran`} />
                    <span className="small">{pct(m.coverage)}</span>
                  </td>
                  <td className="num" data-label="Expected">{count(m.expected)}</td>
                  <td className="num" data-label="Executed">{count(m.executed)}</td>
                  <td className="num" data-label="Missed">{count(m.missed)}</td>
                  <td className="num" data-label="Gaps">{m.gaps.length}</td>
                </tr>
              ))}
            </tbody>
          </ReportTable>
          <LoadMore list={capped} label={`Show ${Math.min(50, capped.rest)} more of ${capped.rest} monitors`} />
        </>
      )}
      {gapCount > 0 && (
        <details>
          <summary>
            {gapCount} coverage gap{gapCount === 1 ? '' : 's'}
          </summary>
          <ul className="event-list">
            {gaps.shown.map((g) => (
              <li key={`${g.monitor.monitorId}-${g.from}`}>
                <span>
                  <strong>{g.monitor.name}</strong>: <Time value={g.from} absolute />, {formatDuration(g.durationMs)}, {count(g.missedChecks)} checks missed
                </span>
                <span className="small muted">
                  {CAUSES[g.cause] ?? g.cause}
                  {g.detail && ` · ${g.detail}`}
                </span>
              </li>
            ))}
          </ul>
          <LoadMore list={gaps} label={`Show more of ${gaps.rest} gaps`} />
        </details>
      )}
    </Section>
  );
}
