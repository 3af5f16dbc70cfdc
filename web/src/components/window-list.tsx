import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface WindowListProps<T> {
  items: T[];
  getKey: (item: T) => string;
  renderRow: (item: T) => ReactNode;
  estimateSize: number;
  /** Called with the last visible index, so the caller can fetch the next page in time. */
  onLastVisible?: (index: number) => void;
}

/** Rows scrolled with the page that render only what is on screen, so thousands of them stay smooth. */
export function WindowList<T>({ items, getKey, renderRow, estimateSize, onLastVisible }: WindowListProps<T>) {
  const ref = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  // The list's distance from the top of the page, which the window virtualizer scrolls against.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setOffset(Math.round(el.getBoundingClientRect().top + window.scrollY));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el.closest('.page') ?? document.body);
    return () => observer.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({ count: items.length, estimateSize: () => estimateSize, overscan: 10, scrollMargin: offset, getItemKey: (i) => getKey(items[i]) });
  const rows = virtualizer.getVirtualItems();
  const last = rows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (last >= 0) onLastVisible?.(last);
  }, [last, onLastVisible]);
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
