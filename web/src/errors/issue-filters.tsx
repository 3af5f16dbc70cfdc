import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'wouter';
import { SelectField, TextField } from '../components/field.tsx';
import { ISSUE_STATUSES, LEVELS, STATUS_LABELS, type IssueSort } from './types.ts';

export interface IssueFilters {
  status: string;
  level: string;
  release: string;
  environment: string;
  query: string;
  sort: IssueSort;
}

const OPTIONAL = ['level', 'release', 'environment', 'query'] as const;
const SORTS: Array<{ value: IssueSort; label: string }> = [
  { value: 'lastSeen', label: 'Last seen' },
  { value: 'firstSeen', label: 'First seen' },
  { value: 'count', label: 'Events' },
  { value: 'users', label: 'Users' },
];
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Filters live in the address (shareable); unresolved issues, most recent first, by default. */
export function useIssueFilters(): [IssueFilters, (f: Partial<IssueFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters: IssueFilters = {
    status: params.get('status') ?? 'unresolved',
    level: params.get('level') ?? '',
    release: params.get('release') ?? '',
    environment: params.get('environment') ?? '',
    query: params.get('query') ?? '',
    sort: (params.get('sort') as IssueSort | null) ?? 'lastSeen',
  };
  const set = useCallback(
    (change: Partial<IssueFilters>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.delete('created');
          for (const [k, v] of Object.entries(change)) next.set(k, v);
          for (const k of OPTIONAL) if (!next.get(k)) next.delete(k);
          if (next.get('sort') === 'lastSeen') next.delete('sort');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [filters, set];
}

/** A text filter applied once typing pauses. */
function useDebounced(value: string, apply: (v: string) => void): [string, (v: string) => void] {
  const [text, setText] = useState(value);
  // Follow changes made elsewhere (a reset button, back/forward), not the echo of our own typing.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (value !== text.trim()) setText(value);
  }
  useEffect(() => {
    const t = setTimeout(() => {
      if (text.trim() !== value) apply(text.trim());
    }, 350);
    return () => clearTimeout(t);
  }, [text, value, apply]);
  return [text, setText];
}

export function IssueFilterBar({ filters, onChange, releases }: { filters: IssueFilters; onChange: (f: Partial<IssueFilters>) => void; releases: string[] }) {
  const [query, setQuery] = useDebounced(filters.query, useCallback((v: string) => onChange({ query: v }), [onChange]));
  const [environment, setEnvironment] = useDebounced(filters.environment, useCallback((v: string) => onChange({ environment: v }), [onChange]));
  return (
    <div className="filter-bar issue-filters" role="search" aria-label="Filter issues">
      <TextField label="Search" type="search" placeholder="Words in the title or culprit" value={query} onChange={(e) => setQuery(e.target.value)} />
      <SelectField
        label="Status"
        value={filters.status}
        onChange={(e) => onChange({ status: e.target.value })}
        options={[...ISSUE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })), { value: 'all', label: 'Any status' }]}
      />
      <SelectField label="Level" value={filters.level} onChange={(e) => onChange({ level: e.target.value })} options={[{ value: '', label: 'Any level' }, ...LEVELS.map((l) => ({ value: l, label: cap(l) }))]} />
      <SelectField
        label="Release"
        value={filters.release}
        onChange={(e) => onChange({ release: e.target.value })}
        options={[{ value: '', label: 'Any release' }, ...(filters.release && !releases.includes(filters.release) ? [filters.release] : []).concat(releases).map((r) => ({ value: r, label: r }))]}
      />
      <TextField label="Environment" placeholder="production" value={environment} onChange={(e) => setEnvironment(e.target.value)} spellCheck={false} />
      <SelectField label="Sort by" value={filters.sort} onChange={(e) => onChange({ sort: e.target.value as IssueSort })} options={SORTS} />
    </div>
  );
}
