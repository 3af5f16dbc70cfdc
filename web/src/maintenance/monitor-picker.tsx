import { useEffect, useId, useState } from 'react';
import { useClient } from '../api/client-context.tsx';
import type { Monitor, Page } from '../api/types.ts';

/** Chooses monitors by searching their names (lists can hold thousands, so no giant select). */
export function MonitorPicker({ value, onChange, error }: { value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const client = useClient();
  const id = useId();
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Monitor[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});

  useEffect(() => {
    const abort = new AbortController();
    const t = setTimeout(() => {
      client
        .get<Page<Monitor>>('/monitors', { query: { search: query || undefined, limit: 8 }, signal: abort.signal })
        .then((page) => {
          setMatches(page.data);
          setNames((n) => ({ ...n, ...Object.fromEntries(page.data.map((m) => [m.id, m.name])) }));
        })
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(t);
      abort.abort();
    };
  }, [client, query]);

  useEffect(() => {
    const unknown = value.filter((v) => !names[v]);
    for (const monitorId of unknown.slice(0, 20)) {
      client
        .get<Monitor>(`/monitors/${monitorId}`)
        .then((m) => setNames((n) => ({ ...n, [m.id]: m.name })))
        .catch(() => setNames((n) => ({ ...n, [monitorId]: `${monitorId} (deleted)` })));
    }
  }, [client, value, names]);

  return (
    <div className="field wide">
      <label htmlFor={id}>Monitors</label>
      {value.length > 0 && (
        <ul className="chips" aria-label="Chosen monitors">
          {value.map((v) => (
            <li key={v} className="tag">
              {names[v] ?? v}{' '}
              <button type="button" className="btn-link" aria-label={`Remove ${names[v] ?? v}`} onClick={() => onChange(value.filter((x) => x !== v))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input id={id} className="input" type="search" placeholder="Search monitors to add…" value={query} onChange={(e) => setQuery(e.target.value)} aria-invalid={!!error || undefined} />
      <ul className="picker-results">
        {matches
          .filter((m) => !value.includes(m.id))
          .map((m) => (
            <li key={m.id}>
              <button type="button" className="btn btn-sm" onClick={() => onChange([...value, m.id])}>
                + {m.name}
              </button>
            </li>
          ))}
      </ul>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
