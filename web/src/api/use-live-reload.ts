import { useEffect, useRef } from 'react';
import { readStateEvent, type StateEventPayload } from '../monitors/state-event.ts';
import { useLiveEvent } from './live.tsx';

interface LiveReloadOptions {
  /** Reload only for events about these monitors (all when absent). */
  monitorIds?: string[];
  /** Also reload this often while the page is visible (for changes no event announces, such as pings). */
  everyMs?: number;
}

/** Calls `reload` after monitor state events (at most once a second) and, optionally, on a timer. */
export function useLiveReload(reload: () => void, { monitorIds, everyMs }: LiveReloadOptions = {}): void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ref = useRef(reload);
  useEffect(() => {
    ref.current = reload;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveEvent<StateEventPayload>('monitor.state', (payload) => {
    const update = readStateEvent(payload);
    if (!update || (monitorIds && !monitorIds.includes(update.monitorId))) return;
    timer.current ??= setTimeout(() => {
      timer.current = undefined;
      ref.current();
    }, 1000);
  });
  useEffect(() => {
    if (!everyMs) return;
    const id = setInterval(() => {
      if (document.visibilityState === 'visible') ref.current();
    }, everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
}
