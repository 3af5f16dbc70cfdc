import { Button } from '../components/button.tsx';
import { WEEKDAYS, type Restriction, type Weekday } from './types.ts';

const WORKWEEK: Restriction = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' };

/** Windows in which the layer is on call (business hours); none means always. */
export function RestrictionsField({ value, onChange, error }: { value: Restriction[]; onChange: (r: Restriction[]) => void; error: (path: string) => string | undefined }) {
  const set = (i: number, change: Partial<Restriction>) => onChange(value.map((r, n) => (n === i ? { ...r, ...change } : r)));
  const toggle = (i: number, day: Weekday) => {
    const days = value[i]!.days;
    set(i, { days: days.includes(day) ? days.filter((d) => d !== day) : WEEKDAYS.filter((d) => d === day || days.includes(d)) });
  };
  return (
    <fieldset className="wide">
      <legend>Restrictions</legend>
      <p className="small muted" style={{ marginTop: 0 }}>
        {value.length === 0 ? 'On call around the clock. Add a window to limit the layer (say, business hours); outside it lower layers show through.' : 'On call only inside these windows, in the layer time zone; an end at or before the start runs past midnight.'}
      </p>
      {value.map((r, i) => (
        <div key={i} className="restriction">
          <div className="day-toggles" role="group" aria-label={`Days of window ${i + 1}`}>
            {WEEKDAYS.map((d) => (
              <label key={d} className="day-toggle">
                <input type="checkbox" checked={r.days.includes(d)} onChange={() => toggle(i, d)} />
                {d.charAt(0).toUpperCase() + d.slice(1)}
              </label>
            ))}
          </div>
          <label className="small">
            from <input className="input" type="time" value={r.start} onChange={(e) => set(i, { start: e.target.value })} aria-label={`Window ${i + 1} start`} />
          </label>
          <label className="small">
            to <input className="input" type="time" value={r.end === '24:00' ? '00:00' : r.end} onChange={(e) => set(i, { end: e.target.value })} aria-label={`Window ${i + 1} end`} />
          </label>
          <Button size="sm" variant="ghost" onClick={() => onChange(value.filter((_, n) => n !== i))} aria-label={`Remove window ${i + 1}`}>
            ×
          </Button>
          {error(`restrictions.${i}`) && <span className="error" role="alert">{error(`restrictions.${i}`)}</span>}
        </div>
      ))}
      <Button size="sm" onClick={() => onChange([...value, WORKWEEK])}>
        Add window
      </Button>
    </fieldset>
  );
}
