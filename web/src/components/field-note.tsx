import type { ReactNode } from 'react';

/** What a control's aria-describedby names: its error, else its hint. */
export const describedBy = (id: string, error?: string, hint?: ReactNode) => (error ? `${id}-error` : hint ? `${id}-hint` : undefined);

/** Under a control: its error (announced), else its hint. */
export function FieldNote({ id, error, hint }: { id: string; error?: string; hint?: ReactNode }) {
  if (error) {
    return (
      <span className="error" id={`${id}-error`} role="alert">
        {error}
      </span>
    );
  }
  if (!hint) return null;
  return (
    <span className="hint" id={`${id}-hint`}>
      {hint}
    </span>
  );
}
