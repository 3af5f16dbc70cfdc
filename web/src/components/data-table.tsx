import type { ReactNode } from 'react';

interface DataTableProps {
  /** The table's accessible name. */
  label?: string;
  /** The header cells. */
  head: ReactNode;
  /** The rows. */
  children: ReactNode;
  /** Under the table, such as a Load more button. */
  footer?: ReactNode;
  /** Inside a card already: no card of its own. */
  bare?: boolean;
}

/** A list's table, scrolling sideways when wide; on narrow screens each row stacks into a small card. */
export function DataTable({ label, head, children, footer, bare = false }: DataTableProps) {
  return (
    <div className={bare ? 'table-wrap' : 'card table-wrap'}>
      <table className="table stack-sm" aria-label={label}>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {footer}
    </div>
  );
}
