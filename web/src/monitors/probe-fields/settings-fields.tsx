import type { FieldErrors } from '../../api/field-errors.ts';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import type { Draft, SettingField } from './types.ts';

interface Props {
  fields: SettingField[];
  draft: Draft;
  onChange: (key: string, value: string | boolean) => void;
  errors: FieldErrors;
  /** Errors found before sending (invalid JSON), by field key. */
  localErrors: Record<string, string>;
  readOnly?: boolean;
}

function Input({ field, draft, onChange, error, readOnly }: { field: SettingField; draft: Draft; onChange: Props['onChange']; error?: string; readOnly?: boolean }) {
  const value = draft[field.key];
  const common = { label: field.label, hint: field.hint, error, className: field.wide ? 'wide' : undefined, disabled: readOnly, name: field.key };
  switch (field.kind) {
    case 'checkbox':
      return <CheckboxField {...common} checked={value === true} onChange={(e) => onChange(field.key, e.target.checked)} />;
    case 'select':
      return <SelectField {...common} options={field.options ?? []} value={String(value ?? '')} onChange={(e) => onChange(field.key, e.target.value)} />;
    case 'textarea':
    case 'lines':
    case 'headers':
    case 'json':
      return <TextAreaField {...common} placeholder={field.placeholder} value={String(value ?? '')} rows={field.kind === 'json' ? 4 : 3} onChange={(e) => onChange(field.key, e.target.value)} spellCheck={false} />;
    default:
      return (
        <TextField
          {...common}
          type={field.kind === 'password' ? 'password' : field.kind === 'number' ? 'number' : 'text'}
          inputMode={field.kind === 'number' ? 'numeric' : undefined}
          autoComplete={field.kind === 'password' ? 'new-password' : 'off'}
          placeholder={field.placeholder}
          required={field.required}
          value={String(value ?? '')}
          onChange={(e) => onChange(field.key, e.target.value)}
        />
      );
  }
}

/** A probe type's settings as form fields; errors come from `settings.<key>` issues. */
export function SettingsFields({ fields, draft, onChange, errors, localErrors, readOnly }: Props) {
  const visible = fields.filter((f) => !f.showIf || f.showIf(draft));
  const render = (list: SettingField[]) =>
    list.map((f) => <Input key={f.key} field={f} draft={draft} onChange={onChange} error={localErrors[f.key] ?? errors(`settings.${f.key}`)} readOnly={readOnly} />);
  const basic = visible.filter((f) => !f.advanced);
  const advanced = visible.filter((f) => f.advanced);
  const advancedHasError = advanced.some((f) => localErrors[f.key] || errors(`settings.${f.key}`));
  return (
    <>
      <div className="form-grid">{render(basic)}</div>
      {advanced.length > 0 && (
        <details open={advancedHasError || undefined}>
          <summary>More options</summary>
          <div className="form-grid" style={{ marginTop: '0.75rem' }}>
            {render(advanced)}
          </div>
        </details>
      )}
    </>
  );
}
