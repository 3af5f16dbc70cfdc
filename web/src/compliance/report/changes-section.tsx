import { Link } from 'wouter';
import { Time } from '../../components/time.tsx';
import { Figures } from './bars.tsx';
import { count } from './format.ts';
import { num, ReportTable } from './report-table.tsx';
import { Section } from './section.tsx';
import type { Report } from './types.ts';

const SHOWN = 100;

/** Audit events of the period, classed as access, configuration or operations. */
export function ChangesSection({ changes }: { changes: Report['changes'] }) {
  const latest = changes.events.slice(-SHOWN).toReversed();
  return (
    <Section id="report-changes" title="Configuration and access changes" intro={<>Every audit event of the period by action; the full trail is in the <Link href="/audit">audit log</Link>.</>}>
      <Figures
        label="Changes by kind"
        items={[
          { label: 'All', value: count(changes.total) },
          { label: 'Access', value: count(changes.byKind.access) },
          { label: 'Configuration', value: count(changes.byKind.configuration) },
          { label: 'Operations', value: count(changes.byKind.operations) },
        ]}
      />
      {changes.byAction.length > 0 && (
        <ul className="chips" aria-label="Changes by action">
          {changes.byAction.map((a) => (
            <li key={a.action} className="tag" data-kind={a.kind}>
              <code>{a.action}</code> {a.count}
            </li>
          ))}
        </ul>
      )}
      {latest.length > 0 && (
        <details>
          <summary>
            The latest {latest.length} of {count(changes.total)} events{changes.truncated && ' (the report holds the latest 5,000)'}
          </summary>
          <ReportTable label="Changes" className="" columns={[num('#'), 'Time', 'Kind', 'Action', 'Actor', 'Subject']}>
            <tbody>
              {latest.map((e) => (
                <tr key={e.seq}>
                  <td className="num">{e.seq}</td>
                  <td className="nowrap">
                    <Time value={e.at} absolute />
                  </td>
                  <td>{e.kind}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td className="small">{e.actor}</td>
                  <td className="small mono subject">{e.subject}</td>
                </tr>
              ))}
            </tbody>
          </ReportTable>
        </details>
      )}
    </Section>
  );
}
