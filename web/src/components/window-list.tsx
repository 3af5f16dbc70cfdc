import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface WindowListProps<T> {
  items: T[];
  getKey: (item: T) => string;
  renderRow: (item: T) => ReactNode;
  estimateSize: number;
  overscan?: number;
  /** Called with the first and last rendered index, so the caller can fetch what they need in time. */
  onRange?: (first: number, last: number) => void;
}

/** Rows scrolled with the page that render only what is on screen, so thousands of them stay smooth. */
export function WindowList<T>({ items, getKey, renderRow, estimateSize, overscan = 10, onRange }: WindowListProps<T>) {
  const ref = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  // The list's distance from the top of the page, which the window virtualizer scrolls against.
  const hasRows = items.length > 0;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setOffset(Math.round(el.getBoundingClientRect().top + window.scrollY));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el.closest('.page') ?? document.body);
    return () => observer.disconnect();
  }, [hasRows]);
  const virtualizer = useWindowVirtualizer({ count: items.length, estimateSize: () => estimateSize, overscan, scrollMargin: offset, getItemKey: (i) => getKey(items[i]) });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (last >= 0) onRange?.(first, last);
  }, [first, last, onRange]);
  return (
    <div ref={ref} role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
      {rows.map((row) => (
        <div key={row.key} data-index={row.index} ref={virtualizer.measureElement} role="presentation" className="virtual-row" style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}>
          {renderRow(items[row.index])}
        </div>
      ))}
    </div>
  );
}
