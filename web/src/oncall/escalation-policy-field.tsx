import { useMemo } from 'react';
import type { Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { SelectField } from '../components/field.tsx';
import type { EscalationPolicy } from './types.ts';

/** The organization's escalation policies (one request for a whole routing tree). */
export function useEscalationPolicies() {
  const fetched = useFetch<Page<EscalationPolicy>>('/escalation-policies');
  return useMemo(() => ({ policies: fetched.data?.data ?? [], loaded: fetched.data !== undefined }), [fetched.data]);
}

export type EscalationPolicies = ReturnType<typeof useEscalationPolicies>;

/** Picks an escalation policy by name (the value is its id); an id this organization lacks stays visible. */
export function EscalationPolicyField({ label, value, onChange, policies, error, emptyLabel, disabled }: { label: string; value: string; onChange: (id: string) => void; policies: EscalationPolicies; error?: string; emptyLabel: string; disabled?: boolean }) {
  const unknown = value && policies.loaded && !policies.policies.some((p) => p.id === value) ? [{ value, label: `${value} (not found)` }] : [];
  return (
    <SelectField
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      disabled={disabled}
      hint="Alerts this route takes open an incident paged through it."
      options={[{ value: '', label: emptyLabel }, ...policies.policies.map((p) => ({ value: p.id, label: p.name })), ...unknown]}
    />
  );
}
