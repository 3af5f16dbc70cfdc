import { useMemo, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import { fieldErrors } from '../api/field-errors.ts';
import type { Monitor } from '../api/types.ts';
import { DurationField, durationSeconds } from '../components/duration-field.tsx';
import { TextAreaField, TextField } from '../components/field.tsx';
import { FormError } from '../components/form-error.tsx';
import { Segmented } from '../components/segmented.tsx';
import { SubmitCancel } from '../components/submit-cancel.tsx';
import { useToast } from '../components/toasts.tsx';
import { heartbeatBody, monitorToHeartbeatDraft, newHeartbeatDraft, type HeartbeatDraft } from './heartbeat-draft.ts';
import { SchedulePreview } from './schedule-preview.tsx';
import type { HeartbeatSchedule } from './types.ts';

const CLAIMED = ['name', 'labels', 'settings.period', 'settings.cron', 'settings.timezone', 'settings.grace', 'settings.slug', 'settings.filters', 'settings.bodyLimit'];

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);

function previewSchedule(d: HeartbeatDraft): HeartbeatSchedule | null {
  const grace = durationSeconds(d.grace) ?? 0;
  if (d.kind === 'cron') return d.cron.trim() ? { kind: 'cron', cron: d.cron.trim(), timezone: d.timezone.trim() || 'UTC', grace } : null;
  const period = durationSeconds(d.period);
  return period ? { kind: 'period', period, grace } : null;
}

/** Create (no `monitor`) or edit a heartbeat: a monitor of type `heartbeat` with a period or a cron schedule. */
export function HeartbeatForm({ monitor }: { monitor?: Monitor }) {
  const client = useClient();
  const toast = useToast();
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState<HeartbeatDraft>(() => (monitor ? monitorToHeartbeatDraft(monitor) : newHeartbeatDraft()));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const errors = fieldErrors(error);
  const set = <K extends keyof HeartbeatDraft>(key: K, value: HeartbeatDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: keyof HeartbeatDraft) => (e: { target: { value: string } }) => set(key, e.target.value);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = heartbeatBody(draft, monitor);
      const saved = monitor ? await client.patch<Monitor>(`/monitors/${monitor.id}`, body) : await client.post<Monitor>('/monitors', body);
      toast.info(monitor ? 'Heartbeat saved' : 'Heartbeat created');
      navigate(`/heartbeats/${saved.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const preview = previewSchedule(draft);
  return (
    <form className="stack" onSubmit={(e) => void save(e)} noValidate aria-label={monitor ? `Edit ${monitor.name}` : 'New heartbeat'}>
      <FormError error={error} title="Not saved." claimed={CLAIMED} />
      <fieldset>
        <legend>Heartbeat</legend>
        <div className="form-grid">
          <TextField label="Name" required value={draft.name} onChange={text('name')} error={errors('name')} placeholder="Nightly backup" autoFocus={!monitor} />
          <TextField label="Slug" value={draft.slug} onChange={text('slug')} error={errors('settings.slug')} placeholder={slugOf(draft.name) || 'nightly-backup'} hint="Optional: ping by name with the organization's ping key." />
        </div>
      </fieldset>
      <fieldset>
        <legend>Schedule</legend>
        <div className="stack" style={{ gap: '0.9rem' }}>
          <Segmented
            label="Schedule kind"
            value={draft.kind}
            onChange={(kind) => set('kind', kind)}
            options={[
              { value: 'period', label: 'Every period' },
              { value: 'cron', label: 'Cron expression' },
            ]}
          />
          <div className="form-grid">
            {draft.kind === 'period' ? (
              <DurationField label="Expect a ping every" value={draft.period} onChange={(v) => set('period', v)} error={errors('settings.period')} hint="10 seconds to a year." />
            ) : (
              <>
                <TextField label="Cron expression" value={draft.cron} onChange={text('cron')} error={errors('settings.cron')} placeholder="0 2 * * *" hint="Five fields: minute hour day month weekday." className="mono-input" spellCheck={false} />
                <TextField label="Time zone" value={draft.timezone} onChange={text('timezone')} error={errors('settings.timezone')} list="heartbeat-zones" hint="The zone the expression is read in (DST-aware)." />
                <datalist id="heartbeat-zones">
                  {zones.map((z) => (
                    <option key={z} value={z} />
                  ))}
                </datalist>
              </>
            )}
            <DurationField label="Grace time" value={draft.grace} onChange={(v) => set('grace', v)} error={errors('settings.grace')} hint="How late a ping may be (and how long a started run may last) before down." />
          </div>
          <div className="preview-box" aria-live="polite">
            <h3>Preview</h3>
            {preview ? <SchedulePreview schedule={preview} nextExpectedAt={null} count={3} /> : <p className="muted small">Fill in the schedule to see when pings are expected.</p>}
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend>Tags and options</legend>
        <div className="form-grid">
          <TextAreaField className="wide" label="Tags" rows={2} value={draft.labels} onChange={text('labels')} error={errors('labels')} placeholder={'team=payments\nenv=production'} hint="One key=value per line; alerts carry them, so routes can match them." />
        </div>
        <details open={CLAIMED.slice(7).some((k) => errors(k)) || undefined} style={{ marginTop: '0.75rem' }}>
          <summary>Keyword filters and body size</summary>
          <div className="form-grid" style={{ marginTop: '0.75rem' }}>
            <TextAreaField label="Success keywords" rows={2} value={draft.success} onChange={text('success')} error={errors('settings.filters.success')} hint="One per line; a plain ping whose body contains one counts as success." />
            <TextAreaField label="Failure keywords" rows={2} value={draft.failure} onChange={text('failure')} error={errors('settings.filters.failure')} hint="A plain ping whose body contains one counts as failure." />
            <TextAreaField label="Start keywords" rows={2} value={draft.start} onChange={text('start')} error={errors('settings.filters.start')} hint="A plain ping whose body contains one counts as a start." />
            <TextField label="Body bytes kept" type="number" inputMode="numeric" value={draft.bodyLimit} onChange={text('bodyLimit')} error={errors('settings.bodyLimit')} placeholder="10000" hint="Of each ping's body, as its log (0 to 100,000)." />
          </div>
        </details>
      </fieldset>
      <SubmitCancel label={monitor ? 'Save changes' : 'Create heartbeat'} busy={busy} cancelHref={monitor ? `/heartbeats/${monitor.id}` : '/heartbeats'} />
    </form>
  );
}
