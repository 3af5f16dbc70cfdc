import { useCallback, useEffect, useState } from 'react';
import { withQuery, type Query } from './client.ts';
import { useClient } from './client-context.tsx';

export interface Fetched<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
  setData: (update: (prev: T | undefined) => T | undefined) => void;
}

export interface FetchOptions {
  /** POSTs this body instead of a GET (for read-only queries such as /uptime/summary). */
  body?: unknown;
  /** Changing it refetches. */
  refreshKey?: unknown;
}

/** Loads `path` (null: nothing yet) and reloads when the path, query, body or refreshKey change. */
export function useFetch<T>(path: string | null, query?: Query, options: FetchOptions = {}): Fetched<T> {
  const client = useClient();
  const url = path === null ? null : withQuery(path, query);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const key = url === null ? null : JSON.stringify([url, body, options.refreshKey ?? null]);
  const [state, setState] = useState<{ key: string | null; data?: T; error?: Error; loading: boolean }>({ key: null, loading: true });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (key === null || url === null) return;
    const abort = new AbortController();
    setState((s) => ({ key, data: s.key === key ? s.data : undefined, loading: true }));
    const request = body === undefined ? client.get<T>(url, { signal: abort.signal }) : client.request<T>('POST', url, { body: JSON.parse(body), signal: abort.signal });
    request
      .then((data) => setState({ key, data, loading: false }))
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setState({ key, error, loading: false });
      });
    return () => abort.abort();
  }, [client, key, url, body, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback((update: (prev: T | undefined) => T | undefined) => setState((s) => ({ ...s, data: update(s.data) })), []);
  const current = state.key === key;
  return { data: current ? state.data : undefined, error: current ? state.error : undefined, loading: !current || state.loading, reload, setData };
}
