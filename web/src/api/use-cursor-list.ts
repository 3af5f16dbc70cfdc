import { useCallback, useEffect, useRef, useState } from 'react';
import { withQuery, type Query } from './client.ts';
import { useClient } from './client-context.tsx';
import type { Page } from './types.ts';

export interface CursorList<T> {
  items: T[];
  error: Error | undefined;
  loading: boolean;
  /** Whether the first page has arrived. */
  loaded: boolean;
  hasMore: boolean;
  loadMore: () => void;
  /** Fetches the first page again, keeping the rows on screen until it arrives. */
  reload: () => void;
}

/** A cursor-paginated collection (`{ data, nextCursor }`), a page at a time; `path` null waits. */
export function useCursorList<T>(path: string | null, query: Query = {}): CursorList<T> {
  const client = useClient();
  const key = path === null ? null : withQuery(path, query);
  const [state, setState] = useState<{ key: string | null; items: T[]; cursor: string | null; error?: Error; loading: boolean; loaded: boolean }>({ key: null, items: [], cursor: null, loading: true, loaded: false });
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (url: string, cursor: string | null, gen: number) => {
      try {
        const page = await client.get<Page<T>>(cursor ? `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : url);
        if (gen !== generation.current) return;
        setState((s) => ({ key: url, items: cursor ? [...s.items, ...page.data] : page.data, cursor: page.nextCursor, loading: false, loaded: true }));
      } catch (error) {
        if (gen === generation.current) setState((s) => ({ ...s, key: url, error: error as Error, loading: false, loaded: true }));
      }
    },
    [client],
  );

  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (key === null) return;
    const gen = ++generation.current;
    setState((s) => (s.key === key ? { ...s, loading: true, error: undefined } : { key, items: [], cursor: null, loading: true, loaded: false }));
    void fetchPage(key, null, gen);
  }, [key, version, fetchPage]);

  const loadMore = useCallback(() => {
    if (key === null || state.loading || !state.cursor) return;
    setState((s) => ({ ...s, loading: true }));
    void fetchPage(key, state.cursor, generation.current);
  }, [key, state.loading, state.cursor, fetchPage]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  const current = state.key === key;
  return {
    items: current ? state.items : [],
    error: current ? state.error : undefined,
    loading: !current || state.loading,
    loaded: current && state.loaded,
    hasMore: current && state.cursor !== null,
    loadMore,
    reload,
  };
}
