import type { ReactNode } from 'react';
import type { FieldErrors } from '../api/field-errors.ts';
import { Button } from '../components/button.tsx';
import { SelectField, TextAreaField, TextField } from '../components/field.tsx';
import type { CalendarRule, LabelRule } from './policy-types.ts';
import { SeverityChecks } from './severity-checks.tsx';
import { SEVERITIES, type Severity } from './types.ts';

const severityOptions = SEVERITIES.map((s) => ({ value: s, label: s }));
const lines = (text: string) => text.split(/[\n,]/).map((l) => l.trim()).filter(Boolean);

function RuleShell({ title, onRemove, children }: { title: string; onRemove: () => void; children: ReactNode }) {
  return (
    <li className="step">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <strong>{title}</strong>
        <Button size="sm" variant="ghost" onClick={onRemove} aria-label={`Remove ${title}`}>
          Remove
        </Button>
      </div>
      <div className="form-grid">{children}</div>
    </li>
  );
}

/** Label rules in order: the first whose matchers all match an alert gives its severity. */
export function LabelRulesField({ value, onChange, errors }: { value: LabelRule[]; onChange: (v: LabelRule[]) => void; errors: FieldErrors }) {
  const set = (i: number, r: Partial<LabelRule>) => onChange(value.map((x, n) => (n === i ? { ...x, ...r } : x)));
  return (
    <>
      {value.length > 0 && (
        <ol className="plain-list step-list">
          {value.map((r, i) => (
            <RuleShell key={i} title={`Rule ${i + 1}${r.name ? `: ${r.name}` : ''}`} onRemove={() => onChange(value.filter((_, n) => n !== i))}>
              <TextField label="Name" value={r.name ?? ''} onChange={(e) => set(i, { name: e.target.value || undefined })} error={errors(`labelRules.${i}.name`)} />
              <SelectField label="Severity" value={r.severity} onChange={(e) => set(i, { severity: e.target.value as Severity })} options={severityOptions} />
              <TextAreaField className="wide mono-input" label="Matchers (all must match)" rows={2} value={r.matchers.join('\n')} onChange={(e) => set(i, { matchers: e.target.value.split('\n') })} error={errors(`labelRules.${i}.matchers`)} placeholder={'domain=~"submission|auth|bank"'} />
            </RuleShell>
          ))}
        </ol>
      )}
      <div>
        <Button size="sm" onClick={() => onChange([...value, { matchers: [''], severity: 'P1' }])}>
          Add label rule
        </Button>
      </div>
    </>
  );
}

/** Dates on which severities are raised (a filing deadline turns P1 into P0). */
export function CalendarRulesField({ value, onChange, errors }: { value: CalendarRule[]; onChange: (v: CalendarRule[]) => void; errors: FieldErrors }) {
  const set = (i: number, r: Partial<CalendarRule>) => onChange(value.map((x, n) => (n === i ? { ...x, ...r } : x)));
  return (
    <>
      {value.length > 0 && (
        <ol className="plain-list step-list">
          {value.map((r, i) => (
            <RuleShell key={i} title={r.name || `Calendar rule ${i + 1}`} onRemove={() => onChange(value.filter((_, n) => n !== i))}>
              <TextField label="Name" value={r.name} onChange={(e) => set(i, { name: e.target.value })} error={errors(`calendarRules.${i}.name`)} placeholder="VAT filing deadline" />
              <SelectField label="Raise to" value={r.to} onChange={(e) => set(i, { to: e.target.value as Severity })} options={severityOptions} />
              <TextAreaField className="wide" label="Dates" rows={2} value={r.dates.join('\n')} onChange={(e) => set(i, { dates: lines(e.target.value) })} error={errors(`calendarRules.${i}.dates`)} placeholder={'2027-01-31\n2027-04-30'} hint="YYYY-MM-DD, one per line, in the policy's time zone." />
              <div className="field wide">
                <span className="field-label">Raise these severities</span>
                <SeverityChecks label={`Severities raised by rule ${i + 1}`} value={r.from} onChange={(from) => set(i, { from })} />
                {errors(`calendarRules.${i}.from`) && <span className="error">{errors(`calendarRules.${i}.from`)}</span>}
              </div>
            </RuleShell>
          ))}
        </ol>
      )}
      <div>
        <Button size="sm" onClick={() => onChange([...value, { name: '', dates: [], from: ['P1'], to: 'P0' }])}>
          Add calendar rule
        </Button>
      </div>
    </>
  );
}
