import { useEffect, type ReactNode } from 'react';

export function PageHeader({ title, subtitle, actions, documentTitle }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; documentTitle?: string }) {
  const text = documentTitle ?? (typeof title === 'string' ? title : undefined);
  useEffect(() => {
    if (text) document.title = `${text} · Custos`;
  }, [text]);
  return (
    <header className="page-header">
      <div className="titles">
        <h1>{title}</h1>
        {subtitle && <p>{subtitle}</p>}
      </div>
      {actions && <div className="actions">{actions}</div>}
    </header>
  );
}
