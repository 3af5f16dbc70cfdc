import { useId } from 'react';
import { describedBy } from './field-note.tsx';
import { FieldShell } from './field-shell.tsx';

const UNITS = [
  { value: 1, label: 'seconds' },
  { value: 60, label: 'minutes' },
  { value: 3600, label: 'hours' },
  { value: 86_400, label: 'days' },
];

/** The largest unit that divides the seconds exactly, so 7200 reads as 2 hours. */
export function splitSeconds(seconds: number): { amount: string; unit: number } {
  const unit = UNITS.toReversed().find((u) => seconds >= u.value && seconds % u.value === 0)?.value ?? 1;
  return { amount: String(seconds / unit), unit };
}

export interface DurationValue {
  amount: string;
  unit: number;
}

export const durationSeconds = (v: DurationValue) => (v.amount.trim() === '' ? undefined : Number(v.amount) * v.unit);

/** A length of time as a number and a unit; the form keeps the text so a half-typed number survives. */
export function DurationField({ label, value, onChange, error, hint }: { label: string; value: DurationValue; onChange: (v: DurationValue) => void; error?: string; hint?: string }) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <div className="duration-input">
        <input
          id={id}
          className="input"
          type="number"
          min={0}
          inputMode="numeric"
          value={value.amount}
          aria-invalid={!!error || undefined}
          aria-describedby={describedBy(id, error, hint)}
          onChange={(e) => onChange({ ...value, amount: e.target.value })}
        />
        <select className="input" aria-label={`${label} unit`} value={value.unit} onChange={(e) => onChange({ ...value, unit: Number(e.target.value) })}>
          {UNITS.map((u) => (
            <option key={u.value} value={u.value}>
              {u.label}
            </option>
          ))}
        </select>
      </div>
    </FieldShell>
  );
}
