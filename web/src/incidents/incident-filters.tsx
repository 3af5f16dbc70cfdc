import { useCallback } from 'react';
import { useSearchParams } from 'wouter';
import { SelectField } from '../components/field.tsx';
import { SEVERITIES, STATUSES } from './types.ts';

export interface IncidentFilters {
  status: string;
  severity: string;
}

/** Filters live in the address; open incidents by default. */
export function useIncidentFilters(): [IncidentFilters, (f: Partial<IncidentFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = { status: params.get('status') ?? 'open', severity: params.get('severity') ?? '' };
  const set = useCallback(
    (change: Partial<IncidentFilters>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(change)) next.set(k, v);
          if (!next.get('severity')) next.delete('severity');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [filters, set];
}

/** The list query for the filters: `open` is triggered and acknowledged together. */
export const incidentQuery = (f: IncidentFilters) => ({ open: f.status === 'open' ? 'true' : undefined, status: f.status === 'open' || f.status === 'all' ? undefined : f.status, severity: f.severity, limit: 100 });

export function IncidentFilterBar({ filters, onChange }: { filters: IncidentFilters; onChange: (f: Partial<IncidentFilters>) => void }) {
  return (
    <div className="filter-bar" role="search" aria-label="Filter incidents">
      <SelectField
        label="Status"
        value={filters.status}
        onChange={(e) => onChange({ status: e.target.value })}
        options={[{ value: 'open', label: 'Open (triggered or acknowledged)' }, ...STATUSES.map((s) => ({ value: s, label: s.charAt(0).toUpperCase() + s.slice(1) })), { value: 'all', label: 'All' }]}
      />
      <SelectField label="Severity" value={filters.severity} onChange={(e) => onChange({ severity: e.target.value })} options={[{ value: '', label: 'Any severity' }, ...SEVERITIES.map((s) => ({ value: s, label: s }))]} />
    </div>
  );
}
