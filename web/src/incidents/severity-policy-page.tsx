import { useState, type FormEvent } from 'react';
import { useClient } from '../api/client-context.tsx';
import { ROLES, type Role } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useSave } from '../api/use-save.ts';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { Loading } from '../components/loading.tsx';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useToast } from '../components/toasts.tsx';
import { useEscalationPolicies } from '../oncall/escalation-policy-field.tsx';
import type { SeverityPolicy, SeverityPolicyDocument } from './policy-types.ts';
import { exampleRules } from './example-policy.ts';
import { CalendarRulesField, LabelRulesField } from './rules-fields.tsx';
import { SeverityChecks } from './severity-checks.tsx';
import { fromDrafts, TiersField, toDrafts } from './tiers-field.tsx';
import { SEVERITIES, type Severity } from './types.ts';

const ALERT_SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
const severityOptions = SEVERITIES.map((s) => ({ value: s, label: s }));

function PolicyForm({ policy, onSaved }: { policy: SeverityPolicy; onSaved: (p: SeverityPolicy) => void }) {
  const client = useClient();
  const toast = useToast();
  const canWrite = useCan('write');
  const save = useSave();
  const { policies } = useEscalationPolicies();
  const [doc, setDoc] = useState<SeverityPolicyDocument>(policy.document);
  const [tiers, setTiers] = useState(() => toDrafts(policy.document.tiers));
  const set = (change: Partial<SeverityPolicyDocument>) => setDoc((d) => ({ ...d, ...change }));
  const breach = doc.breachNotification;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      const body = { ...doc, tiers: fromDrafts(tiers), labelRules: doc.labelRules.map((r) => ({ ...r, name: r.name?.trim() || undefined, matchers: r.matchers.map((m) => m.trim()).filter(Boolean) })) };
      const saved = await client.put<SeverityPolicy>('/severity-policy', body);
      toast.info(`Severity policy saved (version ${saved.version})`);
      onSaved(saved);
    });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      {save.error !== null && <ErrorBanner error={save.error} title="Not saved: see the fields marked below." />}
      <fieldset className="stack" disabled={!canWrite}>
        <legend>Response and resolution targets</legend>
        <TiersField value={tiers} onChange={setTiers} errors={save.errors} />
      </fieldset>
      <fieldset className="stack" disabled={!canWrite}>
        <legend>Deriving severity</legend>
        <div className="form-grid">
          <SelectField label="Default severity" value={doc.defaultSeverity} onChange={(e) => set({ defaultSeverity: e.target.value as Severity })} options={severityOptions} hint="For alerts no rule matches and incidents declared without one." />
          <TextField label="Time zone" value={doc.timeZone} onChange={(e) => set({ timeZone: e.target.value })} error={save.errors('timeZone')} hint="For calendar rules and review due dates." />
          {ALERT_SEVERITIES.map((a) => (
            <SelectField key={a} label={`Alerts marked ${a}`} value={doc.alertSeverity[a]} onChange={(e) => set({ alertSeverity: { ...doc.alertSeverity, [a]: e.target.value as Severity } })} options={severityOptions} />
          ))}
        </div>
        {canWrite && doc.labelRules.length === 0 && doc.calendarRules.length === 0 && (
          <div className="banner info">
            <span>
              New here? Start from the example: errors with <code>domain</code> submission or auth are P0, bank P1, and a filing deadline turns P1 into P0.{' '}
              <Button size="sm" onClick={() => set(exampleRules())}>
                Use the example rules
              </Button>
            </span>
          </div>
        )}
        <h3 className="small">Label rules (first match wins)</h3>
        <LabelRulesField value={doc.labelRules} onChange={(labelRules) => set({ labelRules })} errors={save.errors} />
        <h3 className="small">Calendar rules</h3>
        <CalendarRulesField value={doc.calendarRules} onChange={(calendarRules) => set({ calendarRules })} errors={save.errors} />
      </fieldset>
      <fieldset className="stack" disabled={!canWrite}>
        <legend>Reviews and personal-data breaches</legend>
        <div className="field">
          <span className="field-label">A post-incident review is required for</span>
          <SeverityChecks label="Severities that need a review" value={doc.reviewRequired} onChange={(reviewRequired) => set({ reviewRequired })} />
        </div>
        <div className="field">
          <span className="field-label">Breach reminders name members with the roles</span>
          <div className="day-toggles" role="group" aria-label="Roles named in breach reminders">
            {ROLES.map((r) => (
              <label key={r} className="day-toggle">
                <input type="checkbox" checked={breach.roles.includes(r)} onChange={() => set({ breachNotification: { ...breach, roles: breach.roles.includes(r) ? breach.roles.filter((x) => x !== r) : [...breach.roles, r as Role] } })} />
                {r}
              </label>
            ))}
          </div>
        </div>
        <SelectField
          label="Breach reminders page through"
          value={breach.escalationPolicyId ?? ''}
          onChange={(e) => set({ breachNotification: { ...breach, escalationPolicyId: e.target.value || null } })}
          error={save.errors('breachNotification.escalationPolicyId')}
          options={[{ value: '', label: 'No escalation policy' }, ...policies.map((p) => ({ value: p.id, label: p.name }))]}
        />
      </fieldset>
      {canWrite && (
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={save.busy}>
            Save policy
          </Button>
        </div>
      )}
    </form>
  );
}

export function SeverityPolicyPage() {
  const fetched = useFetch<SeverityPolicy>('/severity-policy');
  return (
    <div className="page narrow">
      <Breadcrumb trail={[{ href: '/incidents', label: 'Incidents' }]} current="Severity policy" />
      <PageHeader
        title="Severity policy"
        subtitle={fetched.data ? (fetched.data.version === 0 ? 'The defaults apply until you save.' : `Version ${fetched.data.version}, saved by ${fetched.data.updatedBy ?? 'someone'}.`) : undefined}
      />
      {fetched.error && <ErrorBanner error={fetched.error} />}
      {!fetched.data && !fetched.error && <Loading />}
      {fetched.data && <PolicyForm key={fetched.data.version} policy={fetched.data} onSaved={(p) => fetched.setData(() => p)} />}
    </div>
  );
}
