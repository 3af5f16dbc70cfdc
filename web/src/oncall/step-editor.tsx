import type { FieldErrors } from '../api/field-errors.ts';
import { Button } from '../components/button.tsx';
import { TextField } from '../components/field.tsx';
import { TARGET_LABEL, type useTargets } from './use-targets.ts';
import type { Step, Target, TargetType } from './types.ts';

const TYPES: TargetType[] = ['schedule', 'user', 'channel'];

/** One step: its delay from the start of the pass and the targets it pages. */
export function StepEditor({ index, step, onChange, onRemove, targets, errors }: { index: number; step: Step; onChange: (s: Step) => void; onRemove?: () => void; targets: ReturnType<typeof useTargets>; errors: FieldErrors }) {
  const setTarget = (i: number, t: Target) => onChange({ ...step, targets: step.targets.map((x, n) => (n === i ? t : x)) });
  return (
    <li className="step">
      <div className="step-head">
        <span className="step-number" aria-hidden="true">
          {index + 1}
        </span>
        <TextField label={`Step ${index + 1} delay (minutes)`} type="number" min={0} value={step.delayMinutes} onChange={(e) => onChange({ ...step, delayMinutes: Number(e.target.value) })} error={errors('delayMinutes')} hint="From the start of each pass." />
        {onRemove && (
          <Button size="sm" variant="ghost" onClick={onRemove} aria-label={`Remove step ${index + 1}`}>
            Remove step
          </Button>
        )}
      </div>
      <ul className="plain-list stack" style={{ gap: '0.4rem' }}>
        {step.targets.map((t, i) => (
          <li key={i} className="target-row">
            <select className="input" aria-label={`Step ${index + 1} target ${i + 1} kind`} value={t.type} onChange={(e) => setTarget(i, { type: e.target.value as TargetType, id: '' })}>
              {TYPES.map((type) => (
                <option key={type} value={type}>
                  {TARGET_LABEL[type]}
                </option>
              ))}
            </select>
            <select className="input" aria-label={`Step ${index + 1} target ${i + 1}`} value={t.id} aria-invalid={!!errors(`targets.${i}`) || undefined} onChange={(e) => setTarget(i, { ...t, id: e.target.value })}>
              <option value="">Choose…</option>
              {targets.options[t.type].map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <Button size="sm" variant="ghost" disabled={step.targets.length === 1} onClick={() => onChange({ ...step, targets: step.targets.filter((_, n) => n !== i) })} aria-label={`Remove target ${i + 1} of step ${index + 1}`}>
              ×
            </Button>
            {errors(`targets.${i}`) && <span className="error" role="alert">{errors(`targets.${i}`)}</span>}
          </li>
        ))}
      </ul>
      {errors('targets') && !step.targets.some((_, i) => errors(`targets.${i}`)) && <span className="error" role="alert">{errors('targets')}</span>}
      <div>
        <Button size="sm" onClick={() => onChange({ ...step, targets: [...step.targets, { type: 'user', id: '' }] })}>
          Add target
        </Button>
      </div>
    </li>
  );
}
