import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { useClient } from '../../api/client-context.tsx';
import { fieldErrors } from '../../api/field-errors.ts';
import type { CheckResult, Monitor } from '../../api/types.ts';
import { Button } from '../../components/button.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { useToast } from '../../components/toasts.tsx';
import { CheckResultView } from '../detail/check-result.tsx';
import { PROBE_TYPES, probeUi } from '../probe-fields/registry.ts';
import { DraftError } from '../probe-fields/settings-draft.ts';
import { SettingsFields } from '../probe-fields/settings-fields.tsx';
import { draftSettings, draftToBody, monitorToDraft, newDraft, type MonitorDraft } from './monitor-draft.ts';
import { ScheduleFields } from './schedule-fields.tsx';

const OWN_FIELDS = ['name', 'type', 'interval', 'timeoutMs', 'retryInterval', 'confirmDown', 'confirmUp', 'labels', 'settings'];

/** Create (no `monitor`) or edit a monitor of any probe type, with a test run before saving. */
export function MonitorForm({ monitor }: { monitor?: Monitor }) {
  const client = useClient();
  const toast = useToast();
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState<MonitorDraft>(() => (monitor ? monitorToDraft(monitor) : newDraft()));
  const [error, setError] = useState<unknown>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [failed, setFailed] = useState<'save' | 'test'>('save');
  const [tested, setTested] = useState<CheckResult | null>(null);
  const errors = fieldErrors(error);
  const ui = probeUi(draft.type);

  const guard = async (kind: 'save' | 'test', action: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    setLocalErrors({});
    try {
      await action();
    } catch (err) {
      if (err instanceof DraftError) setLocalErrors({ [err.key]: err.message });
      else setError(err);
      setFailed(kind);
    } finally {
      setBusy(null);
    }
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    void guard('save', async () => {
      const body = draftToBody(draft, monitor);
      const saved = monitor ? await client.patch<Monitor>(`/monitors/${monitor.id}`, body) : await client.post<Monitor>('/monitors', body);
      toast.info(monitor ? 'Monitor saved' : 'Monitor created');
      navigate(`/monitors/${saved.id}`);
    });
  };

  const test = () =>
    guard('test', async () => {
      setTested(null);
      const timeoutMs = Number(draft.timeoutMs) || undefined;
      setTested(await client.post<CheckResult>('/monitors/test', { type: draft.type, settings: draftSettings(draft, monitor?.settings), timeoutMs }));
    });

  const claimed = [...OWN_FIELDS.filter((f) => f !== 'settings'), ...(ui?.fields.map((f) => `settings.${f.key}`) ?? [])];
  return (
    <form className="stack" onSubmit={save} noValidate>
      <FormError error={error} title={failed === 'save' ? 'Not saved.' : 'Not tested.'} claimed={claimed} />
      <fieldset>
        <legend>Monitor</legend>
        <div className="form-grid">
          <TextField label="Name" required value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} error={errors('name')} placeholder="Checkout API" autoFocus={!monitor} />
          {monitor ? (
            <TextField label="Type" value={ui?.label ?? draft.type} disabled hint="The type of a monitor cannot change." />
          ) : (
            <SelectField
              label="Type"
              value={draft.type}
              onChange={(e) => setDraft({ ...newDraft(e.target.value), name: draft.name, labels: draft.labels, interval: draft.interval })}
              options={PROBE_TYPES.map((p) => ({ value: p.type, label: p.label }))}
              error={errors('type')}
              hint={ui?.description}
            />
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>{ui?.label ?? draft.type} settings</legend>
        {ui ? (
          <SettingsFields fields={ui.fields} draft={draft.settings} onChange={(key, value) => setDraft((d) => ({ ...d, settings: { ...d.settings, [key]: value } }))} errors={errors} localErrors={localErrors} />
        ) : (
          <p className="muted">This type is configured through the API or CLI.</p>
        )}
      </fieldset>
      <ScheduleFields draft={draft} set={(key, value) => setDraft((d) => ({ ...d, [key]: value }))} errors={errors} />
      {tested && (
        <section className="card" aria-live="polite">
          <h2>Test result</h2>
          <CheckResultView result={tested} />
        </section>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy === 'save'}>
          {monitor ? 'Save changes' : 'Create monitor'}
        </Button>
        <Button onClick={() => void test()} busy={busy === 'test'} disabled={!ui}>
          Test
        </Button>
        <Link href={monitor ? `/monitors/${monitor.id}` : '/monitors'} className="btn btn-ghost">
          Cancel
        </Link>
      </div>
    </form>
  );
}
