import { INTEGRATION_KINDS } from './kinds/registry.ts';
import type { IntegrationType } from './types.ts';

/** The types as radio cards with what each one does; types the server offers but the dashboard does not explain come last. */
export function TypePicker({ value, onChange, types, error }: { value: string; onChange: (type: string) => void; types: IntegrationType[] | null; error?: string }) {
  const known = INTEGRATION_KINDS.filter((k) => !types || types.some((t) => t.type === k.type)).map((k) => ({ type: k.type, label: k.label, description: k.description }));
  const extra = (types ?? []).filter((t) => !INTEGRATION_KINDS.some((k) => k.type === t.type)).map((t) => ({ type: t.type, label: t.label, description: '' }));
  return (
    <fieldset className="type-picker">
      <legend>Type</legend>
      <div className="type-options">
        {[...known, ...extra].map((t) => (
          <label key={t.type} className="type-option" data-checked={value === t.type || undefined}>
            <input type="radio" name="integration-type" value={t.type} checked={value === t.type} onChange={() => onChange(t.type)} />
            <span>
              <strong>{t.label}</strong>
              {t.description && <span className="small muted">{t.description}</span>}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
