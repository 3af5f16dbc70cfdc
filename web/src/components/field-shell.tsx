import type { ReactNode } from 'react';
import { FieldNote } from './field-note.tsx';

export interface FieldShellProps {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  className?: string;
}

/** A form field: the label for the control with this `id`, the control, then its error or hint. */
export function FieldShell({ id, label, error, hint, className, children }: FieldShellProps & { id: string; children: ReactNode }) {
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {children}
      <FieldNote id={id} error={error} hint={hint} />
    </div>
  );
}
