import { Fragment, type ReactNode } from 'react';
import { Link } from 'wouter';

export interface Crumb {
  href: string;
  /** Undefined while it loads ("…"). */
  label: ReactNode | undefined;
}

/** Where a page sits: links to its parents, then the page itself. */
export function Breadcrumb({ trail, current }: { trail: Crumb[]; current: ReactNode }) {
  return (
    <nav className="small" aria-label="Breadcrumb">
      {trail.map((c) => (
        <Fragment key={c.href}>
          {c.label === undefined ? '…' : <Link href={c.href}>{c.label}</Link>} /{' '}
        </Fragment>
      ))}
      <span className="muted">{current}</span>
    </nav>
  );
}
