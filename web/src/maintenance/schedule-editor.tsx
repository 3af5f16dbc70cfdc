import type { FieldErrors } from '../api/field-errors.ts';
import { SelectField, TextField } from '../components/field.tsx';
import { WEEKDAYS, type MaintenanceSchedule, type Weekday } from './types.ts';

const pad = (n: number) => String(n).padStart(2, '0');
/** ISO time → the value a datetime-local input shows (the viewer's time zone). */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : '');

export const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function defaultSchedule(kind: MaintenanceSchedule['kind']): MaintenanceSchedule {
  const start = Math.ceil(Date.now() / 3_600_000) * 3_600_000;
  if (kind === 'once') return { kind, startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString() };
  if (kind === 'weekly') return { kind, days: ['sun'], time: '02:00', timezone: LOCAL_ZONE, durationMinutes: 60 };
  return { kind, cron: '0 2 * * 0', timezone: LOCAL_ZONE, durationMinutes: 60 };
}

export function ScheduleEditor({ value, onChange, errors }: { value: MaintenanceSchedule; onChange: (s: MaintenanceSchedule) => void; errors: FieldErrors }) {
  const e = (k: string) => errors(`schedule.${k}`);
  return (
    <div className="form-grid">
      <SelectField
        label="Repeats"
        value={value.kind}
        onChange={(ev) => onChange(defaultSchedule(ev.target.value as MaintenanceSchedule['kind']))}
        options={[
          { value: 'once', label: 'Once' },
          { value: 'weekly', label: 'Weekly' },
          { value: 'cron', label: 'Cron expression' },
        ]}
        error={e('kind')}
      />
      {value.kind === 'once' && (
        <>
          <TextField label="Starts" type="datetime-local" value={toLocalInput(value.startsAt)} onChange={(ev) => onChange({ ...value, startsAt: fromLocalInput(ev.target.value) })} error={e('startsAt')} hint="Your time zone." />
          <TextField label="Ends" type="datetime-local" value={toLocalInput(value.endsAt)} onChange={(ev) => onChange({ ...value, endsAt: fromLocalInput(ev.target.value) })} error={e('endsAt')} />
        </>
      )}
      {value.kind === 'weekly' && (
        <>
          <fieldset className="wide">
            <legend>Days</legend>
            <div className="row">
              {WEEKDAYS.map((d) => (
                <label key={d} className="checkbox">
                  <input
                    type="checkbox"
                    checked={value.days.includes(d)}
                    onChange={(ev) => onChange({ ...value, days: ev.target.checked ? [...value.days, d] : value.days.filter((x): x is Weekday => x !== d) })}
                  />
                  {d[0].toUpperCase() + d.slice(1)}
                </label>
              ))}
            </div>
            {e('days') && <span className="error">{e('days')}</span>}
          </fieldset>
          <TextField label="Starts at" type="time" value={value.time} onChange={(ev) => onChange({ ...value, time: ev.target.value })} error={e('time')} />
        </>
      )}
      {value.kind === 'cron' && <TextField label="Cron expression" value={value.cron} onChange={(ev) => onChange({ ...value, cron: ev.target.value })} error={e('cron')} hint="minute hour day month weekday" />}
      {value.kind !== 'once' && (
        <>
          <TextField label="Time zone" value={value.timezone} onChange={(ev) => onChange({ ...value, timezone: ev.target.value })} error={e('timezone')} hint="IANA name, e.g. Europe/London" />
          <TextField
            label="Lasts (minutes)"
            type="number"
            value={String(value.durationMinutes)}
            onChange={(ev) => onChange({ ...value, durationMinutes: Number(ev.target.value) })}
            error={e('durationMinutes')}
          />
        </>
      )}
    </div>
  );
}
