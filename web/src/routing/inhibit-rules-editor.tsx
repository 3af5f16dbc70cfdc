import type { FieldErrors } from '../api/field-errors.ts';
import { Button } from '../components/button.tsx';
import { ListField } from './list-field.tsx';
import type { InhibitRule } from './types.ts';

interface Props {
  rules: InhibitRule[];
  onChange: (rules: InhibitRule[]) => void;
  errors: FieldErrors;
  readOnly: boolean;
}

/** While an alert matching the source fires, alerts matching the target (with equal labels) are muted. */
export function InhibitRulesEditor({ rules, onChange, errors, readOnly }: Props) {
  const set = (i: number, change: Partial<InhibitRule>) => onChange(rules.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <section className="card stack" aria-labelledby="inhibit-rules">
      <div className="card-header" style={{ marginBottom: 0 }}>
        <h2 id="inhibit-rules">Inhibition rules</h2>
        {!readOnly && (
          <Button size="sm" onClick={() => onChange([...rules, { source_matchers: [''], target_matchers: [''] }])}>
            Add rule
          </Button>
        )}
      </div>
      <p className="muted small" style={{ margin: 0 }}>
        A firing source mutes matching targets, e.g. a data-centre outage mutes its hosts' alerts.
      </p>
      {rules.length === 0 && <p className="muted">No inhibition rules.</p>}
      {rules.map((r, i) => {
        const at = (k: string) => `inhibit_rules.${i}.${k}`;
        return (
          <fieldset key={i}>
            <legend>Rule {i + 1}</legend>
            <div className="form-grid">
              <ListField multiline label="When an alert matching" value={r.source_matchers} onChange={(v) => set(i, { source_matchers: v ?? [] })} error={errors(at('source_matchers'))} placeholder='alertname="DatacentreDown"' disabled={readOnly} />
              <ListField multiline label="fires, mute alerts matching" value={r.target_matchers} onChange={(v) => set(i, { target_matchers: v ?? [] })} error={errors(at('target_matchers'))} placeholder='alertname="HostDown"' disabled={readOnly} />
              <ListField label="with equal labels" value={r.equal} onChange={(v) => set(i, { equal: v })} error={errors(at('equal'))} placeholder="dc" hint="Comma-separated; both alerts must share these values." disabled={readOnly} />
            </div>
            {!readOnly && (
              <div className="form-actions" style={{ marginTop: '0.5rem' }}>
                <Button size="sm" variant="ghost" className="danger-text" onClick={() => onChange(rules.filter((_, j) => j !== i))}>
                  Remove rule {i + 1}
                </Button>
              </div>
            )}
          </fieldset>
        );
      })}
    </section>
  );
}
