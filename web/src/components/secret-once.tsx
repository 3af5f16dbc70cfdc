import type { ReactNode } from 'react';
import { Button } from './button.tsx';
import { CopyField } from './copy-field.tsx';

export interface RevealedSecret {
  label: string;
  value: string;
  hint?: ReactNode;
}

/** Secrets the server shows only in this answer: copy them now, with a warning that says so. */
export function SecretOnce({ title, secrets, children, onDone }: { title: string; secrets: RevealedSecret[]; children?: ReactNode; onDone: () => void }) {
  return (
    <section className="banner warn secret-once" aria-live="polite" aria-label={title}>
      <div className="stack" style={{ gap: '0.6rem', minWidth: 0, flex: 1 }}>
        <strong>{title}</strong>
        <p className="small" style={{ margin: 0 }}>
          Copy {secrets.length === 1 ? 'it' : 'them'} now: Custos keeps only a hash and cannot show {secrets.length === 1 ? 'it' : 'them'} again. If lost, rotate to get a new one.
        </p>
        {secrets.map((s) => (
          <CopyField key={s.label} label={s.label} value={s.value} hint={s.hint} />
        ))}
        {children}
      </div>
      <Button size="sm" onClick={onDone}>
        I have copied it
      </Button>
    </section>
  );
}
