import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'wouter';
import { Button } from '../components/button.tsx';
import { TextField } from '../components/field.tsx';
import { Segmented } from '../components/segmented.tsx';
import { isDay, lastDays, PRESETS, type DayPeriod } from './period.ts';

type Choice = `${(typeof PRESETS)[number]}` | 'custom';

/** The period in the address (`?days=30`, or `?from=&to=` for a custom one); the last 30 days by default. */
export function usePeriod(): [DayPeriod, Choice, (choice: Choice, custom?: DayPeriod) => void] {
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const days = Number(params.get('days'));
  const custom = isDay(from) && isDay(to) && from <= to;
  const choice: Choice = custom ? 'custom' : PRESETS.includes(days as 30) ? (String(days) as Choice) : '30';
  const period = custom ? { from, to } : lastDays(Number(choice));
  const set = (next: Choice, p?: DayPeriod) => setParams(next === 'custom' && p ? { from: p.from, to: p.to } : { days: next === 'custom' ? '30' : next }, { replace: true });
  return [period, choice, set];
}

const OPTIONS = [...PRESETS.map((d) => ({ value: `${d}` as Choice, label: `${d} days` })), { value: 'custom' as Choice, label: 'Custom' }];

/** Last 7, 30 or 90 days, or two UTC days of one's choosing. */
export function PeriodPicker({ period, choice, onChange }: { period: DayPeriod; choice: Choice; onChange: (choice: Choice, custom?: DayPeriod) => void }) {
  const [editing, setEditing] = useState(choice === 'custom');
  const [draft, setDraft] = useState(period);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (draft.from <= draft.to) onChange('custom', draft);
  };
  return (
    <div className="period-picker">
      <span className="field-label" aria-hidden="true">
        Last
      </span>
      <Segmented
        label="Period: the last days, or custom"
        value={editing ? 'custom' : choice}
        options={OPTIONS}
        onChange={(v) => {
          setEditing(v === 'custom');
          if (v === 'custom') setDraft(period);
          else onChange(v);
        }}
      />
      {editing && (
        <form className="period-custom" onSubmit={apply} aria-label="Custom period">
          <TextField label="From (UTC day)" type="date" required value={draft.from} max={draft.to} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          <TextField label="To (included)" type="date" required value={draft.to} min={draft.from} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          <Button type="submit" variant="primary">
            Show
          </Button>
        </form>
      )}
    </div>
  );
}
