import type { ReactNode } from 'react';

export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className="auth-screen">
      <div className="card auth-card">
        <div className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          Custos
        </div>
        <h1 style={{ marginBottom: '0.5rem' }}>{title}</h1>
        {intro && <p className="muted">{intro}</p>}
        {children}
      </div>
    </main>
  );
}
