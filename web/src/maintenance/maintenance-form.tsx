import { useState, type FormEvent } from 'react';
import { useClient } from '../api/client-context.tsx';
import { useSave } from '../api/use-save.ts';
import { CheckboxField, TextAreaField, TextField } from '../components/field.tsx';
import { FormError } from '../components/form-error.tsx';
import { labelsToText, textToLabels } from '../components/labels.tsx';
import { SubmitCancel } from '../components/submit-cancel.tsx';
import { MonitorPicker } from './monitor-picker.tsx';
import { defaultSchedule, ScheduleEditor } from './schedule-editor.tsx';
import type { MaintenanceSchedule, MaintenanceWindow } from './types.ts';

export function MaintenanceForm({ existing, onDone }: { existing?: MaintenanceWindow; onDone: (saved: MaintenanceWindow | null) => void }) {
  const client = useClient();
  const [name, setName] = useState(existing?.name ?? '');
  const [monitorIds, setMonitorIds] = useState<string[]>(existing?.selector.monitorIds ?? []);
  const [labels, setLabels] = useState(labelsToText(existing?.selector.labels ?? {}));
  const [schedule, setSchedule] = useState<MaintenanceSchedule>(existing?.schedule ?? defaultSchedule('once'));
  const [active, setActive] = useState(existing?.active ?? true);
  const { error, busy, run, errors } = useSave();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const selector = { ...(monitorIds.length ? { monitorIds } : {}), ...(labels.trim() ? { labels: textToLabels(labels) } : {}) };
    const body = { name, selector, schedule, active };
    void run(async () => onDone(existing ? await client.patch<MaintenanceWindow>(`/maintenance/${existing.id}`, body) : await client.post<MaintenanceWindow>('/maintenance', body)));
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label={existing ? `Edit ${existing.name}` : 'New maintenance window'}>
      <h2>{existing ? `Edit ${existing.name}` : 'New maintenance window'}</h2>
      <FormError error={error} title="Not saved." />
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors('name')} placeholder="Database upgrade" required />
      <fieldset>
        <legend>Applies to</legend>
        <p className="muted small">Chosen monitors, and every monitor with all of these tags.</p>
        <div className="form-grid">
          <MonitorPicker value={monitorIds} onChange={setMonitorIds} error={errors('selector.monitorIds') ?? errors('selector')} />
          <TextAreaField className="wide" label="Tags" rows={2} value={labels} onChange={(e) => setLabels(e.target.value)} error={errors('selector.labels')} placeholder="env=production" hint="One key=value per line." />
        </div>
      </fieldset>
      <fieldset>
        <legend>When</legend>
        <ScheduleEditor value={schedule} onChange={setSchedule} errors={errors} />
      </fieldset>
      <CheckboxField label="Active" hint="Inactive windows are kept but suppress nothing." checked={active} onChange={(e) => setActive(e.target.checked)} />
      <SubmitCancel label={existing ? 'Save changes' : 'Create window'} busy={busy} onCancel={() => onDone(null)} />
    </form>
  );
}
