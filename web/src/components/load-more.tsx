import type { CursorList } from '../api/use-cursor-list.ts';
import { Button, type ButtonProps } from './button.tsx';

/** The next page of a cursor list, while there is one. */
export function LoadMore({ list, label = 'Load more', size }: { list: Pick<CursorList<unknown>, 'hasMore' | 'loadMore' | 'loading'>; label?: string; size?: ButtonProps['size'] }) {
  if (!list.hasMore) return null;
  return (
    <div className="form-actions" style={{ paddingTop: '0.75rem' }}>
      <Button size={size} onClick={list.loadMore} busy={list.loading}>
        {label}
      </Button>
    </div>
  );
}
