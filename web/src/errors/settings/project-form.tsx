import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { useClient } from '../../api/client-context.tsx';
import { unclaimedIssues } from '../../api/field-errors.ts';
import { useSave } from '../../api/use-save.ts';
import { useCan } from '../../auth/session.tsx';
import { Button } from '../../components/button.tsx';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { useToast } from '../../components/toasts.tsx';
import { PLATFORMS } from '../create-project-form.tsx';
import type { Project } from '../types.ts';

const CLAIMED = ['name', 'platform', 'scrubbing', 'forwardDsn'];

/** Name, platform, scrubbing and forwarding: one form, saved with one PATCH. */
export function ProjectForm({ project, onSaved }: { project: Project; onSaved: (p: Project) => void }) {
  const client = useClient();
  const toast = useToast();
  const canWrite = useCan('write');
  const [form, setForm] = useState({
    name: project.name,
    platform: project.platform ?? 'other',
    scrub: project.scrubbing.enabled,
    extraFields: project.scrubbing.extraFields.join('\n'),
    forwardDsn: '',
    stopForwarding: false,
  });
  const { error, busy, run, errors } = useSave();
  const set = (k: 'name' | 'platform' | 'extraFields' | 'forwardDsn') => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const forward = form.stopForwarding ? { forwardDsn: null } : form.forwardDsn.trim() ? { forwardDsn: form.forwardDsn.trim() } : {};
    void run(async () => {
      const saved = await client.patch<Project>(`/projects/${project.id}`, {
        name: form.name,
        platform: form.platform,
        scrubbing: { enabled: form.scrub, extraFields: form.extraFields.split(/[\n,]/).map((s) => s.trim()).filter(Boolean) },
        ...forward,
      });
      setForm((f) => ({ ...f, forwardDsn: '', stopForwarding: false }));
      toast.info('Project saved');
      onSaved(saved);
    });
  };

  const loose = unclaimedIssues(error, CLAIMED);
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="project-settings">
      <h2 id="project-settings">Project</h2>
      {error !== null && (!(error instanceof ApiError) || !error.issues.length || loose.length > 0) && <ErrorBanner error={loose.length ? new Error(loose.join('; ')) : error} title="Not saved." />}
      <fieldset disabled={!canWrite} className="stack plain-fieldset">
        <div className="form-grid">
          <TextField label="Name" value={form.name} onChange={set('name')} error={errors('name')} />
          <SelectField label="Platform" value={form.platform} onChange={set('platform')} options={PLATFORMS} error={errors('platform')} />
        </div>
        <CheckboxField
          label="Scrub personal data before storing events"
          checked={form.scrub}
          onChange={(e) => setForm((f) => ({ ...f, scrub: e.target.checked }))}
          hint="E-mails, IP addresses, tokens, cookies, card numbers, UK NINOs and fields named like name, dob, address or password."
        />
        <TextAreaField label="Also scrub these fields" rows={3} value={form.extraFields} onChange={set('extraFields')} error={errors('scrubbing')} placeholder={'customer_ref\nphone_number'} hint="One field name a line; matched anywhere in the event." />
        <TextField
          label="Forward events to another DSN"
          value={form.forwardDsn}
          onChange={set('forwardDsn')}
          disabled={form.stopForwarding}
          error={errors('forwardDsn')}
          spellCheck={false}
          placeholder={project.forwarding.enabled ? 'leave empty to keep the current target' : 'https://<key>@sentry.example.com/42'}
          hint={project.forwarding.enabled ? <>Now forwarding (scrubbed) to <code>{project.forwarding.target}</code>. The DSN is stored encrypted and never shown.</> : 'Optional: keep an existing Sentry as a second sink. Events are forwarded after scrubbing.'}
        />
        <p className="small muted" style={{ margin: 0 }}>
          Grouping config <code>{project.groupingConfig}</code>: events with the same exception type and app frames (or the same message shape) form one issue.
        </p>
        {project.forwarding.enabled && <CheckboxField label="Stop forwarding" checked={form.stopForwarding} onChange={(e) => setForm((f) => ({ ...f, stopForwarding: e.target.checked }))} />}
      </fieldset>
      {canWrite && (
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            Save project
          </Button>
        </div>
      )}
    </form>
  );
}
