import { SEVERITIES, type Severity } from './types.ts';

/** A set of severities as a row of checkboxes. */
export function SeverityChecks({ label, value, onChange, disabled }: { label: string; value: Severity[]; onChange: (v: Severity[]) => void; disabled?: boolean }) {
  return (
    <div className="day-toggles" role="group" aria-label={label}>
      {SEVERITIES.map((s) => (
        <label key={s} className="day-toggle">
          <input type="checkbox" disabled={disabled} checked={value.includes(s)} onChange={() => onChange(value.includes(s) ? value.filter((x) => x !== s) : SEVERITIES.filter((x) => x === s || value.includes(x)))} />
          {s}
        </label>
      ))}
    </div>
  );
}
