import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'wouter';
import { SelectField, TextField } from '../components/field.tsx';
import { ALERT_SOURCES, SEVERITIES } from './types.ts';

export interface AlertFilters {
  status: string;
  severity: string;
  source: string;
  matcher: string;
}

/** Filters live in the address, so a filtered list can be bookmarked and shared; firing alerts by default. */
export function useAlertFilters(): [AlertFilters, (f: Partial<AlertFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters: AlertFilters = { status: params.get('status') ?? 'firing', severity: params.get('severity') ?? '', source: params.get('source') ?? '', matcher: params.get('matcher') ?? '' };
  const set = useCallback(
    (change: Partial<AlertFilters>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(change)) next.set(k, v);
          for (const k of ['severity', 'source', 'matcher']) if (!next.get(k)) next.delete(k);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [filters, set];
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function AlertFilterBar({ filters, onChange, matcherError }: { filters: AlertFilters; onChange: (f: Partial<AlertFilters>) => void; matcherError?: string }) {
  const [matcher, setMatcher] = useState(filters.matcher);
  useEffect(() => {
    const t = setTimeout(() => {
      if (matcher.trim() !== filters.matcher) onChange({ matcher: matcher.trim() });
    }, 400);
    return () => clearTimeout(t);
  }, [matcher, filters.matcher, onChange]);
  return (
    <div className="filter-bar alert-filters" role="search" aria-label="Filter alerts">
      <TextField
        label="Label matchers"
        type="search"
        placeholder={'team="db", env=~"prod|staging"'}
        value={matcher}
        onChange={(e) => setMatcher(e.target.value)}
        error={matcherError}
        spellCheck={false}
        hint={matcherError ? undefined : 'All must match: =, !=, =~ (regex), !~.'}
      />
      <SelectField
        label="Status"
        value={filters.status}
        onChange={(e) => onChange({ status: e.target.value })}
        options={[
          { value: 'firing', label: 'Firing' },
          { value: 'resolved', label: 'Resolved' },
          { value: 'all', label: 'Firing and resolved' },
        ]}
      />
      <SelectField label="Severity" value={filters.severity} onChange={(e) => onChange({ severity: e.target.value })} options={[{ value: '', label: 'Any severity' }, ...SEVERITIES.map((s) => ({ value: s, label: cap(s) }))]} />
      <SelectField label="Source" value={filters.source} onChange={(e) => onChange({ source: e.target.value })} options={[{ value: '', label: 'Any source' }, ...ALERT_SOURCES.map((s) => ({ value: s, label: cap(s) }))]} />
    </div>
  );
}
