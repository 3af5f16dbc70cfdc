import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from '../api/client-context.tsx';
import { useLiveEvent } from '../api/live.tsx';
import type { Monitor, Page } from '../api/types.ts';
import { readStateEvent, type StateEventPayload, type StateUpdate } from './state-event.ts';

export interface MonitorFilters {
  state?: string;
  type?: string;
  label?: string;
  search?: string;
}

const PAGE_SIZE = 200;

interface ListState {
  monitors: Monitor[];
  cursor: string | null;
  done: boolean;
  loading: boolean;
  error: Error | null;
}

const EMPTY: ListState = { monitors: [], cursor: null, done: false, loading: true, error: null };

/**
 * The monitors matching `filters`, loaded a page at a time as the list scrolls (the server
 * filters and paginates), with states kept current from the live event stream.
 */
export function useMonitorList(filters: MonitorFilters) {
  const client = useClient();
  const [list, setList] = useState<ListState>(EMPTY);
  const generation = useRef(0);
  const inFlight = useRef(false);
  const key = JSON.stringify(filters);

  // The next cursor lives in a ref as well: an effect from an earlier render may call loadMore
  // after a page arrived but before the re-render, and must not fetch that page again.
  const next = useRef<{ cursor: string | null; done: boolean }>({ cursor: null, done: false });

  const fetchPage = useCallback(
    async (cursor: string | null, gen: number) => {
      inFlight.current = true;
      try {
        const page = await client.get<Page<Monitor>>('/monitors', { query: { ...JSON.parse(key), limit: PAGE_SIZE, cursor } });
        if (gen !== generation.current) return;
        next.current = { cursor: page.nextCursor, done: page.nextCursor === null };
        setList((prev) => ({
          monitors: cursor ? [...prev.monitors, ...page.data] : page.data,
          cursor: page.nextCursor,
          done: page.nextCursor === null,
          loading: false,
          error: null,
        }));
      } catch (err) {
        if (gen === generation.current) {
          next.current = { cursor, done: true };
          setList((prev) => ({ ...prev, loading: false, error: err as Error }));
        }
      } finally {
        if (gen === generation.current) inFlight.current = false;
      }
    },
    [client, key],
  );

  const restart = useCallback(
    (keep: boolean) => {
      generation.current += 1;
      next.current = { cursor: null, done: false };
      setList((prev) => (keep ? { ...prev, loading: true, error: null } : EMPTY));
      void fetchPage(null, generation.current);
    },
    [fetchPage],
  );
  const reload = useCallback(() => restart(true), [restart]);

  useEffect(() => restart(false), [restart]);

  const loadMore = useCallback(() => {
    const { cursor, done } = next.current;
    if (inFlight.current || done || !cursor) return;
    setList((prev) => ({ ...prev, loading: true }));
    void fetchPage(cursor, generation.current);
  }, [fetchPage]);

  // Events arrive in bursts (one per check); apply them together, a few times a second.
  const queued = useRef(new Map<string, StateUpdate['patch']>());
  const flushTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(flushTimer.current), []);
  useLiveEvent<StateEventPayload>('monitor.state', (payload) => {
    const update = readStateEvent(payload);
    if (!update) return;
    queued.current.set(update.monitorId, { ...queued.current.get(update.monitorId), ...update.patch });
    flushTimer.current ??= setTimeout(() => {
      flushTimer.current = undefined;
      const patches = queued.current;
      queued.current = new Map();
      setList((prev) => {
        if (!prev.monitors.some((m) => patches.has(m.id))) return prev;
        return { ...prev, monitors: prev.monitors.map((m) => (patches.has(m.id) ? { ...m, ...patches.get(m.id) } : m)) };
      });
    }, 250);
  });

  const connections = useRef(0);
  useLiveEvent('open', () => {
    connections.current += 1;
    if (connections.current > 1) reload();
  });

  return { ...list, loadMore, reload };
}
