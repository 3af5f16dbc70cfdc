import { Link } from 'wouter';
import { LoadMore } from '../../components/load-more.tsx';
import { formatDuration } from '../../components/time.tsx';
import { Legend, ShareBar, SplitBar } from './bars.tsx';
import { pct, zoomFloor } from './format.ts';
import { num, ReportTable } from './report-table.tsx';
import { Section } from './section.tsx';
import type { MonitorUptime, Report, ServiceUptime } from './types.ts';
import { useCapped } from './use-capped.ts';

type Row = (MonitorUptime | ServiceUptime) & { key: string; title: string; href?: string; kind: string };

const STATES = [
  { key: 'up', label: 'up' },
  { key: 'degraded', label: 'degraded' },
  { key: 'down', label: 'down' },
  { key: 'maintenance', label: 'maintenance' },
  { key: 'paused', label: 'paused' },
  { key: 'nodata', label: 'no data' },
];

const split = (r: Row) => {
  const values = [r.upMs, r.degradedMs, r.downMs, r.maintenanceMs, r.pausedMs, r.noDataMs];
  return STATES.map((s, i) => ({ key: s.key, value: values[i], label: `${s.label}: ${formatDuration(values[i])}` }));
};


function UptimeRow({ r, floor }: { r: Row; floor: number }) {
  const target = r.slaTarget === null ? null : r.slaTarget / 100;
  return (
    <tr data-meets={r.meetsSla === null ? undefined : String(r.meetsSla)}>
      <td>
        {r.href ? <Link href={r.href} className="monitor-name">{r.title}</Link> : <strong>{r.title}</strong>}
        <div className="small muted">{r.kind}</div>
      </td>
      <td className="chart-cell">
        <ShareBar value={r.uptime} target={target} floor={floor} label={`${r.title}: ${pct(r.uptime, 3)} up${target === null ? '' : ` against ${r.slaTarget}%`}`} />
      </td>
      <td className="num" data-label="Uptime">
        <strong>{pct(r.uptime, 3)}</strong>
        {r.degradedRatio !== null && r.degradedRatio > 0 && <div className="small muted">{pct(r.degradedRatio)} degraded</div>}
      </td>
      <td className="num" data-label="SLA">
        {r.slaTarget === null ? <span className="muted">none</span> : `${r.slaTarget}%`}
        {r.meetsSla === false && <div className="small danger-text">missed</div>}
        {r.meetsSla === true && <div className="small up-text">met</div>}
      </td>
      <td className="chart-cell">
        <SplitBar parts={split(r)} label={`${r.title}: ${split(r).filter((p) => p.value > 0).map((p) => p.label).join(', ')}`} />
        <div className="small muted">{[r.maintenanceMs > 0 && `maintenance ${formatDuration(r.maintenanceMs)}`, r.pausedMs > 0 && `paused ${formatDuration(r.pausedMs)}`, r.noDataMs > 0 && `no data ${formatDuration(r.noDataMs)}`].filter(Boolean).join(' · ')}</div>
      </td>
    </tr>
  );
}

/** Uptime per service and per monitor against the SLA target; maintenance and no data apart. */
export function UptimeSection({ uptime }: { uptime: Report['uptime'] }) {
  const services: Row[] = uptime.services.map((s) => ({ ...s, key: `s:${s.service}`, title: s.service, kind: `service · ${s.monitorIds.length} monitor${s.monitorIds.length === 1 ? '' : 's'}` }));
  const monitors: Row[] = uptime.monitors.map((m) => ({ ...m, key: m.monitorId, title: m.name, href: `/monitors/${m.monitorId}`, kind: `${m.type} monitor${m.service ? ` · ${m.service}` : ''}` }));
  const rows = [...services, ...monitors];
  // Those below their target first, then the lowest uptime.
  const capped = useCapped(monitors.toSorted((a, b) => Number(a.meetsSla !== false) - Number(b.meetsSla !== false) || (a.uptime ?? 1) - (b.uptime ?? 1)));
  const floor = zoomFloor(rows.flatMap((r) => [r.uptime, r.slaTarget === null ? null : r.slaTarget / 100]));
  const missed = rows.filter((r) => r.meetsSla === false).length;
  return (
    <Section
      id="report-uptime"
      title="Uptime vs SLA"
      intro={
        <>
          Uptime = (up + degraded) / (up + degraded + down). Maintenance, paused time and no data (pending, coverage gaps, before the monitor existed) are left out and shown apart. The bar's scale runs from {pct(floor, 0)} to 100%; the dark line is the SLA target.
          {missed > 0 && <strong className="danger-text"> {missed} below target.</strong>}
        </>
      }
    >
      {rows.length === 0 ? (
        <p className="muted">No monitors in this period.</p>
      ) : (
        <ReportTable label="Uptime vs SLA" columns={['Service or monitor', 'Uptime vs SLA', num('Uptime'), num('SLA'), 'Time by state']}>
          {[['Services', services] as const, ['Monitors', capped.shown] as const].map(([group, list]) =>
            list.length === 0 ? null : (
              <tbody key={group}>
                <tr className="group-row">
                  <th colSpan={5} scope="rowgroup">
                    {group}
                  </th>
                </tr>
                {list.map((r) => (
                  <UptimeRow key={r.key} r={r} floor={floor} />
                ))}
              </tbody>
            ),
          )}
        </ReportTable>
      )}
      <LoadMore list={capped} label={`Show ${Math.min(50, capped.rest)} more of ${capped.rest} monitors`} />
      {rows.length > 0 && <Legend parts={STATES} />}
    </Section>
  );
}
