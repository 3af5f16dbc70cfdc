import type { ReactNode } from 'react';

export type Column = string | { label: string; num: true };

/** A right-aligned (numeric) column. */
export const num = (label: string): Column => ({ label, num: true });

/** A scrollable table with its header row; on narrow screens each row stacks into a small card. */
export function ReportTable({ label, columns, className = 'report-table', children }: { label: string; columns: Column[]; className?: string; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className={`table stack-sm ${className}`} aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => (typeof c === 'string' ? <th key={c}>{c}</th> : <th key={c.label} className="num">{c.label}</th>))}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}
