import { useEffect, useState } from 'react';
import { MONITOR_STATES } from '../api/types.ts';
import { SelectField, TextField } from '../components/field.tsx';
import { FILTER_TYPES } from './probe-fields/registry.ts';
import type { MonitorFilters } from './use-monitor-list.ts';

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

export function MonitorFilterBar({ filters, onChange }: { filters: MonitorFilters; onChange: (f: MonitorFilters) => void }) {
  const [search, setSearch] = useState(filters.search ?? '');
  const [label, setLabel] = useState(filters.label ?? '');

  useEffect(() => {
    const t = setTimeout(() => {
      if ((filters.search ?? '') !== search.trim() || (filters.label ?? '') !== label.trim()) onChange({ ...filters, search: search.trim() || undefined, label: label.trim() || undefined });
    }, 250);
    return () => clearTimeout(t);
  }, [search, label, filters, onChange]);

  return (
    <div className="filter-bar" role="search">
      <TextField label="Search" type="search" placeholder="Name contains…" value={search} onChange={(e) => setSearch(e.target.value)} />
      <SelectField
        label="State"
        value={filters.state ?? ''}
        onChange={(e) => onChange({ ...filters, state: e.target.value || undefined })}
        options={[{ value: '', label: 'Any state' }, ...MONITOR_STATES.map((s) => ({ value: s, label: cap(s) }))]}
      />
      <SelectField
        label="Type"
        value={filters.type ?? ''}
        onChange={(e) => onChange({ ...filters, type: e.target.value || undefined })}
        options={[{ value: '', label: 'Any type' }, ...FILTER_TYPES]}
      />
      <TextField label="Tag" placeholder="key=value" value={label} onChange={(e) => setLabel(e.target.value)} />
    </div>
  );
}
