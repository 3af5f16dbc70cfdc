import { SeverityBadge } from '../../components/severity-badge.tsx';
import { Figures, ShareBar } from './bars.tsx';
import { ms, pct, span } from './format.ts';
import { num, ReportTable } from './report-table.tsx';
import { Section } from './section.tsx';
import type { Report, SeverityStats } from './types.ts';

function Met({ ratio, target, what }: { ratio: number | null; target: number | null; what: string }) {
  return (
    <>
      <ShareBar value={ratio} label={`${pct(ratio, 0)} met the ${what} target`} />
      <span className="small">
        {pct(ratio, 0)}
        {target !== null && <span className="muted"> within {span(target)}</span>}
      </span>
    </>
  );
}

/** Count, MTTA, MTTR and the share meeting the response and resolution targets, per severity. */
function SeverityTable({ rows, label }: { rows: SeverityStats[]; label: string }) {
  if (rows.every((s) => s.count === 0)) return <p className="muted">None in this period.</p>;
  return (
    <ReportTable label={label} columns={['Severity', num('Count'), num('Acknowledged'), num('Resolved'), num('MTTA'), num('MTTR'), 'Met response target', 'Met resolution target']}>
      <tbody>
        {rows.map((s) => (
          <tr key={s.severity}>
            <td>
              <SeverityBadge severity={s.severity} />
            </td>
            <td className="num" data-label="Count">{s.count}</td>
            <td className="num" data-label="Acknowledged">{s.acknowledged}</td>
            <td className="num" data-label="Resolved">{s.resolved}</td>
            <td className="num" data-label="MTTA">{ms(s.mttaMs)}</td>
            <td className="num" data-label="MTTR">{ms(s.mttrMs)}</td>
            <td className="chart-cell" data-label="Response target">
              <Met ratio={s.metResponse} target={s.responseTargetMs} what="response" />
            </td>
            <td className="chart-cell" data-label="Resolution target">
              <Met ratio={s.metResolution} target={s.resolutionTargetMs} what="resolution" />
            </td>
          </tr>
        ))}
      </tbody>
    </ReportTable>
  );
}

export function IncidentsSection({ incidents, alerts }: { incidents: Report['incidents']; alerts: Report['alerts'] }) {
  const r = incidents.reviews;
  return (
    <Section
      id="report-incidents"
      title="Incidents and alerts by severity"
      intro="Incidents triggered in the period, measured against their own SLA clocks (of those whose clock ended or passed due); alerts that started in the period, against fixed targets per severity."
    >
      <h3>Incidents</h3>
      <SeverityTable rows={incidents.bySeverity} label="Incidents by severity" />
      <h3>Post-incident reviews</h3>
      <Figures
        label="Post-incident reviews"
        items={[
          { label: 'Required', value: r.required },
          { label: 'Filed', value: r.done },
          { label: 'On time', value: `${r.doneOnTime} · ${pct(r.onTimeRatio, 0)}` },
          { label: 'Overdue', value: r.overdue, tone: r.overdue > 0 ? 'bad' : undefined },
          { label: 'Never opened', value: r.missing, tone: r.missing > 0 ? 'bad' : undefined },
        ]}
      />
      <h3>Alerts</h3>
      <SeverityTable rows={alerts.bySeverity} label="Alerts by severity" />
    </Section>
  );
}
