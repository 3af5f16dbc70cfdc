import type { ReactNode } from 'react';
import { CopyButton } from './copy-button.tsx';

/** One value to copy (a URL, a key), on its own line, with what it is for. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: ReactNode }) {
  return (
    <div className="copy-field">
      <span className="field-label">{label}</span>
      <div className="copy-row">
        <code className="copy-value">{value}</code>
        <CopyButton text={value} label={`Copy`} />
      </div>
      {hint && <span className="hint muted small">{hint}</span>}
    </div>
  );
}
