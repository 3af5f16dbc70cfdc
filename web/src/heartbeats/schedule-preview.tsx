import { Time } from '../components/time.tsx';
import { formatSeconds, nextCronRuns } from './describe-schedule.ts';
import type { HeartbeatSchedule } from './types.ts';

/** The next expected pings: the server's deadline when known, then the schedule's following times. */
export function expectedTimes(schedule: HeartbeatSchedule, nextExpectedAt: string | null, count: number): Date[] | Error {
  const first = nextExpectedAt ? new Date(nextExpectedAt) : null;
  if (schedule.kind === 'cron') {
    const runs = nextCronRuns(schedule.cron, schedule.timezone, first ? count - 1 : count, first ?? new Date());
    return runs instanceof Error || !first ? runs : [first, ...runs];
  }
  if (!first) return [];
  return Array.from({ length: count }, (_, i) => new Date(first.getTime() + i * schedule.period * 1000));
}

/** "Next expected at" in the viewer's time zone (UTC on hover), when it turns down, and the times after. */
export function SchedulePreview({ schedule, nextExpectedAt, count = 4 }: { schedule: HeartbeatSchedule; nextExpectedAt: string | null; count?: number }) {
  const times = expectedTimes(schedule, nextExpectedAt, count);
  if (times instanceof Error) return <p className="error small">{times.message}</p>;
  if (times.length === 0) {
    const text = schedule.kind === 'period' ? `The first ping starts the schedule: after it, a ping is expected every ${formatSeconds(schedule.period)}.` : 'This cron expression never matches a future time.';
    return <p className="muted small">{text}</p>;
  }
  const [next, ...later] = times;
  return (
    <dl className="kv schedule-preview">
      <dt>Next expected</dt>
      <dd>
        <strong>
          <Time value={next.getTime()} absolute />
        </strong>{' '}
        <span className="muted">
          (<Time value={next.getTime()} />)
        </span>
      </dd>
      <dt>Down if no ping by</dt>
      <dd>
        <Time value={next.getTime() + schedule.grace * 1000} absolute />
      </dd>
      {later.length > 0 && (
        <>
          <dt>Then</dt>
          <dd>
            <ul className="plain-list small">
              {later.map((t) => (
                <li key={t.getTime()}>
                  <Time value={t.getTime()} absolute />
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}
