import type { ReactNode } from 'react';

/** A header cell by its text; `num` right-aligns the column, `hidden` leaves the text to screen readers. */
export type Column = string | { label: string; num?: boolean; hidden?: boolean };

interface DataTableProps {
  /** The table's accessible name. */
  label?: string;
  /** The header row; `false` leaves out a column that only some people get. */
  columns: Array<Column | false>;
  /** The rows. */
  children: ReactNode;
  /** Under the table, such as a Load more button. */
  footer?: ReactNode;
  /** Inside a card already: no card of its own. */
  bare?: boolean;
}

/** A list's table, scrolling sideways when wide; on narrow screens each row stacks into a small card. */
export function DataTable({ label, columns, children, footer, bare = false }: DataTableProps) {
  return (
    <div className={bare ? 'table-wrap' : 'card table-wrap'}>
      <table className="table stack-sm" aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => {
              if (column === false) return null;
              const { label: text, num, hidden } = typeof column === 'string' ? { label: column } : column;
              return (
                <th key={text} className={num ? 'num' : undefined}>
                  {hidden ? <span className="sr-only">{text}</span> : text}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {footer}
    </div>
  );
}
