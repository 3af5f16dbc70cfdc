import { useCallback, useEffect, useRef, useState } from 'react';
import { isMissingRoute } from '../api/client.ts';
import { useClient } from '../api/client-context.tsx';

export interface WindowUptime {
  uptime: number | null;
}

export interface MonitorSummary {
  windows: Record<string, WindowUptime>;
  sparkline?: Array<number | null>;
}

interface SummaryAnswer {
  data: Array<{ monitorId: string } & MonitorSummary>;
}

const BATCH = 500;
const FRESH_MS = 120_000;

/**
 * Uptime 24h/30d and a latency sparkline for the rows on screen: `want(ids)` queues the ids that
 * are missing or stale, and one POST /uptime/summary per short pause fetches them together.
 */
export function useUptimeSummaries() {
  const client = useClient();
  const cache = useRef(new Map<string, { at: number; summary: MonitorSummary | null }>());
  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [, setVersion] = useState(0);
  const [unsupported, setUnsupported] = useState(false);

  const flush = useCallback(async () => {
    timer.current = undefined;
    const ids = [...pending.current];
    pending.current.clear();
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH);
      const now = Date.now();
      for (const id of chunk) cache.current.set(id, { at: now, summary: cache.current.get(id)?.summary ?? null });
      try {
        const res = await client.post<SummaryAnswer>('/uptime/summary', { monitorIds: chunk, windows: ['24h', '30d'], sparkline: true });
        for (const row of res.data) cache.current.set(row.monitorId, { at: now, summary: row });
        setVersion((v) => v + 1);
      } catch (err) {
        if (isMissingRoute(err)) return setUnsupported(true);
      }
    }
  }, [client]);

  const want = useCallback(
    (ids: string[]) => {
      if (unsupported) return;
      const now = Date.now();
      for (const id of ids) {
        const hit = cache.current.get(id);
        if (!hit || now - hit.at > FRESH_MS) pending.current.add(id);
      }
      if (pending.current.size && !timer.current) timer.current = setTimeout(() => void flush(), 120);
    },
    [flush, unsupported],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  /** Marks a monitor's figures stale (its state changed), so the next want() refetches them. */
  const invalidate = useCallback((id: string) => {
    const hit = cache.current.get(id);
    if (hit) hit.at = 0;
  }, []);

  const get = useCallback((id: string) => cache.current.get(id)?.summary ?? undefined, []);
  return { want, get, invalidate, unsupported };
}
