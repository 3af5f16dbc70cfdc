import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export type LiveStatus = 'connecting' | 'live' | 'offline';
type Listener = (data: unknown) => void;

interface LiveHub {
  status: LiveStatus;
  subscribe(event: string, listener: Listener): () => void;
}

const LiveContext = createContext<LiveHub>({ status: 'offline', subscribe: () => () => undefined });

/** Names of the events the server sends; `open` is ours, sent on every (re)connection. */
const EVENTS = ['monitor.state'];

/**
 * One EventSource for the whole app. EventSource reconnects by itself after a dropped stream;
 * after a refused one (401, 429) it gives up, so we retry with a growing delay.
 */
export function LiveProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const listeners = useRef(new Map<string, Set<Listener>>());
  const [status, setStatus] = useState<LiveStatus>('offline');

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const emit = (event: string, data: unknown) => listeners.current.get(event)?.forEach((l) => l(data));
    const connect = () => {
      setStatus('connecting');
      source = new EventSource('/api/v1/events');
      source.addEventListener('ready', () => {
        failures = 0;
        setStatus('live');
        emit('open', null);
      });
      for (const name of EVENTS) source.addEventListener(name, (e) => emit(name, JSON.parse((e as MessageEvent<string>).data)));
      source.addEventListener('error', () => {
        if (source?.readyState !== EventSource.CLOSED) return setStatus('connecting');
        setStatus('offline');
        failures += 1;
        retry = setTimeout(connect, Math.min(60_000, 2_000 * 2 ** Math.min(failures, 5)));
      });
    };
    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
      setStatus('offline');
    };
  }, [enabled]);

  const subscribe = useCallback((event: string, listener: Listener) => {
    const set = listeners.current.get(event) ?? new Set();
    set.add(listener);
    listeners.current.set(event, set);
    return () => void set.delete(listener);
  }, []);
  const hub = useMemo(() => ({ status, subscribe }), [status, subscribe]);
  return <LiveContext.Provider value={hub}>{children}</LiveContext.Provider>;
}

/** Calls `handler` for each live event named `event` (`open` after every (re)connection). */
export function useLiveEvent<T>(event: string, handler: (data: T) => void): void {
  const { subscribe } = useContext(LiveContext);
  const ref = useRef(handler);
  useLayoutEffect(() => {
    ref.current = handler;
  });
  useEffect(() => subscribe(event, (data) => ref.current(data as T)), [subscribe, event]);
}

export const useLiveStatus = () => useContext(LiveContext).status;
