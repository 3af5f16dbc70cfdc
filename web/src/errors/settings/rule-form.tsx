import { useState, type FormEvent } from 'react';
import { useClient } from '../../api/client-context.tsx';
import { useSave } from '../../api/use-save.ts';
import { SubmitCancel } from '../../components/submit-cancel.tsx';
import { DurationField, durationSeconds, type DurationValue } from '../../components/duration-field.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { labelsToText, textToLabels } from '../../components/labels.tsx';
import { splitSeconds } from '../../components/duration-field.tsx';
import { LEVELS, type AlertRule, type RuleKind } from '../types.ts';

export const RULE_KINDS: Array<{ value: RuleKind; label: string }> = [
  { value: 'new_issue', label: 'A new issue appears' },
  { value: 'regression', label: 'A resolved issue comes back' },
  { value: 'frequency', label: 'More than N events in M minutes' },
  { value: 'level', label: 'An event at or above a level' },
  { value: 'tag', label: 'An event has a tag' },
];
const SEVERITIES = ['critical', 'error', 'warning', 'info'].map((s) => ({ value: s, label: s }));

const INITIAL = { name: '', kind: 'new_issue' as RuleKind, severity: 'error', interval: { amount: '30', unit: 60 } as DurationValue, threshold: '100', windowMinutes: '5', level: 'error', key: '', value: '', severityByValue: '' };
type Draft = typeof INITIAL;

const text = (v: unknown, fallback: string) => (v === undefined || v === null ? fallback : String(v));

/** A saved rule as the form edits it. */
function draftOf(rule: AlertRule): Draft {
  const s = rule.settings;
  return {
    ...INITIAL,
    name: rule.name,
    kind: rule.kind,
    severity: rule.severity,
    interval: splitSeconds(rule.actionIntervalSeconds),
    threshold: text(s.threshold, INITIAL.threshold),
    windowMinutes: text(s.windowMinutes, INITIAL.windowMinutes),
    level: text(s.level, INITIAL.level),
    key: text(s.key, ''),
    value: text(s.value, ''),
    severityByValue: s.severityByValue ? labelsToText(s.severityByValue as Record<string, string>) : '',
  };
}

function settingsOf(d: Draft): Record<string, unknown> {
  switch (d.kind) {
    case 'frequency':
      return { threshold: Number(d.threshold), windowMinutes: Number(d.windowMinutes) };
    case 'level':
      return { level: d.level };
    case 'tag':
      return { key: d.key.trim(), ...(d.value.trim() ? { value: d.value.trim() } : {}), ...(d.severityByValue.trim() ? { severityByValue: textToLabels(d.severityByValue) } : {}) };
    default:
      return {};
  }
}

/** Creates a rule, or edits `rule` (its kind stays). */
export function RuleForm({ projectId, rule, onDone }: { projectId: string; rule?: AlertRule; onDone: (saved: boolean) => void }) {
  const client = useClient();
  const [d, setD] = useState<Draft>(() => (rule ? draftOf(rule) : INITIAL));
  const { error, busy, run, errors } = useSave();
  const set = (k: Exclude<keyof Draft, 'interval'>) => (e: { target: { value: string } }) => setD((x) => ({ ...x, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const common = { name: d.name, severity: d.severity, actionIntervalSeconds: durationSeconds(d.interval), settings: settingsOf(d) };
      if (rule) await client.patch(`/projects/${projectId}/alert-rules/${rule.id}`, common);
      else await client.post(`/projects/${projectId}/alert-rules`, { ...common, kind: d.kind });
      onDone(true);
    });
  };
  return (
    <form className="stack sub-form" onSubmit={submit} noValidate aria-label={rule ? `Edit ${rule.name}` : 'New alert rule'}>
      <FormError error={error} title={rule ? 'Not saved.' : 'Not created.'} />
      <div className="form-grid">
        <TextField label="Rule name" value={d.name} onChange={set('name')} error={errors('name')} placeholder="New checkout errors" autoFocus />
        <SelectField label="When" value={d.kind} onChange={set('kind')} options={RULE_KINDS} error={errors('kind')} disabled={!!rule} />
        <SelectField label="Alert severity" value={d.severity} onChange={set('severity')} options={SEVERITIES} error={errors('severity')} />
        <DurationField label="At most once per" value={d.interval} onChange={(interval) => setD((x) => ({ ...x, interval }))} error={errors('actionIntervalSeconds')} hint="Per issue; new issues and regressions always fire." />
        {d.kind === 'frequency' && (
          <>
            <TextField label="More than (events)" type="number" min={1} value={d.threshold} onChange={set('threshold')} error={errors('settings.threshold')} />
            <TextField label="Within (minutes)" type="number" min={1} max={1440} value={d.windowMinutes} onChange={set('windowMinutes')} error={errors('settings.windowMinutes')} />
          </>
        )}
        {d.kind === 'level' && <SelectField label="Level at or above" value={d.level} onChange={set('level')} options={LEVELS.map((l) => ({ value: l, label: l }))} error={errors('settings.level')} />}
        {d.kind === 'tag' && (
          <>
            <TextField label="Tag key" value={d.key} onChange={set('key')} placeholder="domain" error={errors('settings.key')} />
            <TextField label="Tag value (optional)" value={d.value} onChange={set('value')} placeholder="any value" error={errors('settings.value')} />
            <TextAreaField className="wide" label="Severity by value (optional)" rows={2} value={d.severityByValue} onChange={set('severityByValue')} placeholder={labelsToText({ payments: 'critical', search: 'warning' })} error={errors('settings.severityByValue')} hint="value=severity, one a line." />
          </>
        )}
      </div>
      <SubmitCancel label={rule ? 'Save rule' : 'Create rule'} busy={busy} onCancel={() => onDone(false)} />
    </form>
  );
}
