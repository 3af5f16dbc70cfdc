import { useId, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { describedBy, FieldNote } from './field-note.tsx';
import { FieldShell, type FieldShellProps } from './field-shell.tsx';

export function TextField({ label, error, hint, className, ...input }: FieldShellProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={className}>
      <input id={id} className="input" aria-invalid={!!error || undefined} aria-describedby={describedBy(id, error, hint)} {...input} />
    </FieldShell>
  );
}

export function TextAreaField({ label, error, hint, className, ...input }: FieldShellProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={className}>
      <textarea id={id} className="input" aria-invalid={!!error || undefined} aria-describedby={describedBy(id, error, hint)} {...input} />
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({ label, error, hint, className, options, ...select }: FieldShellProps & SelectHTMLAttributes<HTMLSelectElement> & { options: Option[] }) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={className}>
      <select id={id} className="input" aria-invalid={!!error || undefined} aria-describedby={describedBy(id, error, hint)} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({ label, error, hint, className, ...input }: FieldShellProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <span className="checkbox">
        <input id={id} type="checkbox" aria-describedby={describedBy(id, error, hint)} {...input} />
        <label htmlFor={id}>{label}</label>
      </span>
      <FieldNote id={id} error={error} hint={hint} />
    </div>
  );
}
