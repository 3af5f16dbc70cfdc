import type { FieldErrors } from '../../api/field-errors.ts';
import { SettingsFields } from '../../monitors/probe-fields/settings-fields.tsx';
import type { Draft } from '../../monitors/probe-fields/types.ts';
import { Button } from '../button.tsx';
import type { SchemaField } from './schema-fields.ts';
import { isKeptSecret, type StoredSettings } from './schema-settings.ts';

interface Props {
  fields: SchemaField[];
  draft: Draft;
  onChange: (key: string, value: string | boolean) => void;
  errors: FieldErrors;
  localErrors: Record<string, string>;
  /** Editing saved settings: secrets show masked with a Replace button. */
  stored?: StoredSettings;
  onReplace?: (key: string, replacing: boolean) => void;
}

const masked = (v: unknown) => (typeof v === 'string' ? v : v && typeof v === 'object' ? Object.keys(v).map((k) => `${k}: ••••••`).join(', ') : '••••••');

function KeptSecret({ field, value, error, onReplace }: { field: SchemaField; value: unknown; error?: string; onReplace: () => void }) {
  return (
    <div className={['field', field.wide ? 'wide' : undefined].filter(Boolean).join(' ')}>
      <span className="field-label">{field.label}</span>
      <div className="copy-row">
        <code className="copy-value masked" aria-label={`${field.label}: stored, masked`}>
          {masked(value)}
        </code>
        <Button size="sm" onClick={onReplace} aria-label={`Replace ${field.label}`}>
          Replace
        </Button>
      </div>
      {error ? <span className="error" role="alert">{error}</span> : <span className="hint">Stored encrypted; only the last characters are shown.</span>}
    </div>
  );
}

/**
 * A type's settings from its JSON Schema. Secrets come first under "Credentials"; once saved they
 * show masked, and Replace opens an empty input (leaving it alone keeps the stored value).
 */
export function SchemaSettingsFields({ fields, draft, onChange, errors, localErrors, stored, onReplace }: Props) {
  const secrets = fields.filter((f) => f.secret);
  const plain = fields.filter((f) => !f.secret);
  // Credentials lead, unless they are optional and something else must be filled in first.
  const plainFirst = plain.some((f) => f.required) && !secrets.some((f) => f.required);
  return (
    <div className="stack" style={{ gap: '0.9rem' }}>
      {plainFirst && plain.length > 0 && <SettingsFields fields={plain} draft={draft} onChange={onChange} errors={errors} localErrors={localErrors} />}
      {secrets.length > 0 && (
        <fieldset>
          <legend>Credentials</legend>
          <div className="form-grid">
            {secrets.map((f) =>
              isKeptSecret(f, stored) ? (
                <KeptSecret key={f.key} field={f} value={stored!.values[f.key]} error={errors(`settings.${f.key}`)} onReplace={() => onReplace?.(f.key, true)} />
              ) : (
                <div key={f.key} className={['stack', f.wide ? 'wide' : undefined].filter(Boolean).join(' ')} style={{ gap: '0.3rem' }}>
                  <SettingsFields fields={[f]} draft={draft} onChange={onChange} errors={errors} localErrors={localErrors} />
                  {stored?.replacing.has(f.key) && (
                    <button type="button" className="btn-link small" onClick={() => onReplace?.(f.key, false)}>
                      Keep the stored {f.label.toLowerCase()}
                    </button>
                  )}
                </div>
              ),
            )}
          </div>
        </fieldset>
      )}
      {!plainFirst && plain.length > 0 && <SettingsFields fields={plain} draft={draft} onChange={onChange} errors={errors} localErrors={localErrors} />}
    </div>
  );
}
