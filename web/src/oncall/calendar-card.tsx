import { useMemo, useState } from 'react';
import type { Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { Segmented } from '../components/segmented.tsx';
import { useNow } from '../components/time.tsx';
import { useToast } from '../components/toasts.tsx';
import { OverrideDialog, type OverrideDraft } from './override-dialog.tsx';
import { ScheduleCalendar } from './schedule-calendar.tsx';
import { usePersonColor } from './person-colors.tsx';
import type { Members } from './use-members.ts';
import type { Schedule, Shift } from './types.ts';
import { browserZone, startOfZonedDay, startOfZonedWeek } from './zone.ts';

const HOUR = 3_600_000;

/** The final timeline of a schedule, a week or two at a time, with a "now" line; responders override from it. */
export function CalendarCard({ schedule, members, onChange, refreshKey }: { schedule: Schedule; members: Members; onChange: () => void; refreshKey: number }) {
  const toast = useToast();
  const canOverride = useCan('respond');
  const now = useNow();
  const colorOf = usePersonColor();
  const [days, setDays] = useState<'7' | '14'>('7');
  const [weeks, setWeeks] = useState(0);
  const mine = browserZone();
  const [zoneChoice, setZoneChoice] = useState<'schedule' | 'mine'>('schedule');
  const timeZone = zoneChoice === 'mine' ? mine : schedule.timeZone;
  const from = useMemo(() => startOfZonedDay(startOfZonedWeek(Date.now(), timeZone), timeZone, weeks * 7), [timeZone, weeks]);
  const to = startOfZonedDay(from, timeZone, Number(days));
  const fetched = useFetch<Page<Shift>>(`/schedules/${schedule.id}/shifts`, { from: new Date(from).toISOString(), to: new Date(to).toISOString() }, { refreshKey });
  const [draft, setDraft] = useState<OverrideDraft | null>(null);
  const layerName = (id: string) => schedule.layers.find((l) => l.id === id)?.name ?? 'a removed layer';
  const people = [...new Map((fetched.data?.data ?? []).map((s) => [s.userId, s.userName])).entries()];

  return (
    <section className="card stack" aria-labelledby="calendar-title">
      <div className="card-header calendar-toolbar">
        <h2 id="calendar-title">Calendar</h2>
        <div className="row">
          <Button size="sm" onClick={() => setWeeks((w) => w - 1)} aria-label="Previous week">
            ←
          </Button>
          <Button size="sm" onClick={() => setWeeks(0)} disabled={weeks === 0}>
            This week
          </Button>
          <Button size="sm" onClick={() => setWeeks((w) => w + 1)} aria-label="Next week">
            →
          </Button>
          <Segmented label="Range" value={days} onChange={setDays} options={[{ value: '7', label: 'Week' }, { value: '14', label: '2 weeks' }]} />
          {mine !== schedule.timeZone && (
            <Segmented
              label="Time zone"
              value={zoneChoice}
              onChange={setZoneChoice}
              options={[
                { value: 'schedule', label: schedule.timeZone },
                { value: 'mine', label: `Mine (${mine})` },
              ]}
            />
          )}
          {canOverride && (
            <Button size="sm" variant="primary" onClick={() => setDraft({ start: Math.ceil(now / HOUR) * HOUR, end: Math.ceil(now / HOUR) * HOUR + 8 * HOUR })}>
              Add override
            </Button>
          )}
        </div>
      </div>
      {fetched.error && <ErrorBanner error={fetched.error} title="The shifts could not be loaded." />}
      {!fetched.data && !fetched.error && <Loading label="Loading shifts…" />}
      {fetched.data && (
        <ScheduleCalendar
          shifts={fetched.data.data}
          from={from}
          days={Number(days)}
          timeZone={timeZone}
          now={now}
          describeSource={(s) => (s.source.type === 'override' ? 'override' : `layer ${layerName(s.source.id)}`)}
          onPick={canOverride ? (p) => (p.end <= now ? toast.error('That stretch is over: overrides change who is on call from now on.') : setDraft({ start: Math.max(p.start, now), end: p.end })) : undefined}
        />
      )}
      <div className="legend cal-legend">
        {people.map(([id, name]) => (
          <span key={id}>
            <i style={{ background: colorOf(id) }} />
            {name}
          </span>
        ))}
        <span>
          <i className="cal-swatch-override" />
          override
        </span>
        <span>
          <i className="cal-swatch-gap" />
          nobody on call
        </span>
        <span className="muted">{canOverride ? 'Click a shift or a gap to override it.' : `Times in ${timeZone}.`}</span>
      </div>
      {draft && (
        <OverrideDialog
          scheduleId={schedule.id}
          draft={draft}
          timeZone={timeZone}
          members={members}
          onDone={(created) => {
            setDraft(null);
            if (created) {
              toast.info(`${members.nameOf(created.userId)} is on call for the override`);
              onChange();
            }
          }}
        />
      )}
    </section>
  );
}
