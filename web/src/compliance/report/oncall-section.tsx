import { Link } from 'wouter';
import { formatDuration, Time } from '../../components/time.tsx';
import { Legend, SplitBar } from './bars.tsx';
import { Section } from './section.tsx';
import type { Report } from './types.ts';

const PARTS = [
  { key: 'covered', label: 'someone on call' },
  { key: 'uncovered', label: 'nobody on call' },
];

/** Hours with nobody on call, per schedule. */
export function OncallSection({ oncall }: { oncall: Report['oncall'] }) {
  return (
    <Section id="report-oncall" title="On-call coverage" intro={`Per schedule, from its creation: the hours with nobody on call. ${oncall.escalationPolicies} escalation polic${oncall.escalationPolicies === 1 ? 'y' : 'ies'}.`}>
      {oncall.schedules.length === 0 ? (
        <p className="muted">No on-call schedule: nobody is on call at any hour.</p>
      ) : (
        <ul className="event-list" aria-label="On-call coverage">
          {oncall.schedules.map((s) => (
            <li key={s.scheduleId}>
              <span className="split-line">
                <Link href={`/schedules/${s.scheduleId}`} className="monitor-name">
                  {s.name}
                </Link>
                <span className={s.uncoveredHours > 0 ? 'danger-text' : 'up-text'}>{s.uncoveredHours > 0 ? `${s.uncoveredHours} h uncovered` : 'covered throughout'}</span>
              </span>
              <SplitBar
                parts={[
                  { key: 'covered', value: s.coveredMs, label: `covered ${formatDuration(s.coveredMs)}` },
                  { key: 'uncovered', value: s.uncoveredMs, label: `uncovered ${formatDuration(s.uncoveredMs)}` },
                ]}
                label={`${s.name}: ${formatDuration(s.uncoveredMs)} with nobody on call`}
              />
              {s.uncovered.length > 0 && (
                <details>
                  <summary className="small">{s.uncovered.length} span{s.uncovered.length === 1 ? '' : 's'} with nobody on call</summary>
                  <ul className="small gap-spans">
                    {s.uncovered.map((g) => (
                      <li key={g.from}>
                        <Time value={g.from} absolute /> → <Time value={g.to} absolute />
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {oncall.schedules.length > 0 && <Legend parts={PARTS} />}
    </Section>
  );
}
