import type { ReactNode } from 'react';

/** One section of the report: a card with its heading and what it counts. */
export function Section({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section className="card stack report-section" aria-labelledby={id}>
      <div>
        <h2 id={id}>{title}</h2>
        {intro && <p className="small muted flush">{intro}</p>}
      </div>
      {children}
    </section>
  );
}
