import { Link } from 'wouter';
import { Time } from '../../components/time.tsx';
import { Legend, SplitBar } from './bars.tsx';
import { count, ms, pct } from './format.ts';
import { num, ReportTable } from './report-table.tsx';
import { Section } from './section.tsx';
import type { ChannelTypeReceipts, Report } from './types.ts';

const OUTCOMES = [
  { key: 'delivered', label: 'delivered' },
  { key: 'failed', label: 'failed' },
  { key: 'retrying', label: 'retrying' },
  { key: 'skipped', label: 'skipped' },
];
const parts = (c: ChannelTypeReceipts) => OUTCOMES.map((o) => ({ key: o.key, value: c[o.key as 'delivered'], label: `${o.label}: ${c[o.key as 'delivered']}` }));

/** Delivery receipts per channel type, and test sends per channel. */
export function ReceiptsSection({ notifications }: { notifications: Report['notifications'] }) {
  return (
    <Section id="report-receipts" title="Notification receipts" intro="Every delivery attempt with its outcome; latency is the nearest-rank p50/p95 of delivered sends.">
      {notifications.byChannelType.length === 0 ? (
        <p className="muted">No notification was sent in this period.</p>
      ) : (
        <ReportTable label="Receipts by channel type" columns={['Channel type', 'Outcomes', num('Attempts'), num('Delivered'), num('Failed'), num('p50'), num('p95')]}>
          <tbody>
            {notifications.byChannelType.map((c) => (
              <tr key={c.channelType}>
                <td>
                  <strong>{c.channelType}</strong>
                </td>
                <td className="chart-cell">
                  <SplitBar parts={parts(c)} label={`${c.channelType}: ${parts(c).map((p) => p.label).join(', ')}`} />
                </td>
                <td className="num" data-label="Attempts">{count(c.attempts)}</td>
                <td className="num" data-label="Delivered">
                  {count(c.delivered)} <span className="small muted">{pct(c.attempts ? c.delivered / c.attempts : null, 1)}</span>
                </td>
                <td className={`num${c.failed > 0 ? ' danger-text' : ''}`} data-label="Failed">{count(c.failed)}</td>
                <td className="num" data-label="p50">{ms(c.latencyP50Ms)}</td>
                <td className="num" data-label="p95">{ms(c.latencyP95Ms)}</td>
              </tr>
            ))}
          </tbody>
        </ReportTable>
      )}
      {notifications.byChannelType.length > 0 && <Legend parts={OUTCOMES} />}
      <h3>Channel tests</h3>
      {notifications.channels.length === 0 ? (
        <p className="muted">No channels.</p>
      ) : (
        <ul className="event-list" aria-label="Channel tests">
          {notifications.channels.map((c) => (
            <li key={c.channelId} className="split-line">
              <span>
                <Link href={`/channels/${c.channelId}`}>{c.name}</Link> <span className="small muted">{c.type}{!c.enabled && ' · disabled'}</span>
              </span>
              <span className="small">
                {c.lastTestAt ? (
                  <>
                    {c.testsDelivered}/{c.testsInPeriod} test sends delivered · last <Time value={c.lastTestAt} /> ({c.lastTestStatus})
                  </>
                ) : (
                  <span className="danger-text">never tested</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
