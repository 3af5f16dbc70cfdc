import { useMemo, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../api/client.ts';
import { useClient } from '../api/client-context.tsx';
import { fieldErrors, unclaimedIssues } from '../api/field-errors.ts';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../components/field.tsx';
import { labelsToText, textToLabels } from '../components/labels.tsx';
import { schemaFields } from '../components/schema/schema-fields.ts';
import { SchemaSettingsFields } from '../components/schema/schema-settings-fields.tsx';
import { initialDraft, settingsBody } from '../components/schema/schema-settings.ts';
import { useToast } from '../components/toasts.tsx';
import { DraftError } from '../monitors/probe-fields/settings-draft.ts';
import type { Draft } from '../monitors/probe-fields/types.ts';
import type { Channel, ChannelType } from './types.ts';

type Template = NonNullable<Channel['template']>;

/** Create (no `channel`) or edit a notification channel of any registered type, from its settings schema. */
export function ChannelForm({ channel, types }: { channel?: Channel; types: ChannelType[] }) {
  const client = useClient();
  const toast = useToast();
  const [, navigate] = useLocation();
  const [type, setType] = useState(channel?.type ?? types.find((t) => t.type === 'webhook')?.type ?? types[0]?.type ?? '');
  const info = types.find((t) => t.type === type);
  const fields = useMemo(() => (info ? schemaFields(info.settingsSchema, info.secretFields) : []), [info]);
  const [name, setName] = useState(channel?.name ?? '');
  const [enabled, setEnabled] = useState(channel?.enabled ?? true);
  const [labels, setLabels] = useState(labelsToText(channel?.labels ?? {}));
  const [template, setTemplate] = useState<Template>(channel?.template ?? {});
  const [draft, setDraft] = useState<Draft>(() => initialDraft(fields, info?.settingsSchema, channel?.settings));
  const [replacing, setReplacing] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);
  const stored = channel ? { values: channel.settings, replacing } : undefined;

  const changeType = (next: string) => {
    const t = types.find((x) => x.type === next);
    setType(next);
    setDraft(initialDraft(t ? schemaFields(t.settingsSchema, t.secretFields) : [], t?.settingsSchema));
    setError(null);
  };
  const replace = (key: string, on: boolean) => {
    setReplacing((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
    setDraft((d) => ({ ...d, [key]: '' }));
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setLocalErrors({});
    try {
      const tpl = Object.fromEntries(Object.entries(template).filter(([, v]) => v?.trim()));
      const body = { name, enabled, labels: textToLabels(labels), settings: settingsBody(fields, draft, stored), template: Object.keys(tpl).length ? tpl : null };
      const saved = channel ? await client.patch<Channel>(`/channels/${channel.id}`, body) : await client.post<Channel>('/channels', { ...body, type });
      toast.info(channel ? 'Channel saved' : 'Channel created: send a test to check it works');
      navigate(`/channels/${saved.id}`);
    } catch (err) {
      if (err instanceof DraftError) setLocalErrors({ [err.key]: err.message });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const claimed = ['name', 'type', 'enabled', 'labels', 'template', ...fields.map((f) => `settings.${f.key}`)];
  const leftover = unclaimedIssues(error, claimed);
  const issues = error instanceof ApiError ? error.issues.length : 0;
  return (
    <form className="stack" onSubmit={(e) => void save(e)} noValidate aria-label={channel ? `Edit ${channel.name}` : 'New channel'}>
      {error !== null && <ErrorBanner error={issues === 0 ? error : new Error(leftover.length ? leftover.join('; ') : 'Check the highlighted fields.')} title="Not saved." />}
      <fieldset>
        <legend>Channel</legend>
        <div className="form-grid">
          <TextField label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={errors('name')} placeholder="On-call Slack" autoFocus={!channel} />
          {channel ? (
            <TextField label="Type" value={info?.label ?? type} disabled hint="The type of a channel cannot change." />
          ) : (
            <SelectField label="Type" value={type} onChange={(e) => changeType(e.target.value)} options={types.map((t) => ({ value: t.type, label: t.label }))} error={errors('type')} />
          )}
          <CheckboxField label="Enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} hint="A disabled channel receives nothing." />
        </div>
      </fieldset>
      <fieldset>
        <legend>{info?.label ?? type} settings</legend>
        {info ? (
          <SchemaSettingsFields key={type} fields={fields} draft={draft} onChange={(k, v) => setDraft((d) => ({ ...d, [k]: v }))} errors={errors} localErrors={localErrors} stored={stored} onReplace={replace} />
        ) : (
          <p className="muted">This server does not describe the type {type}.</p>
        )}
        {info?.minIntervalMs ? <p className="muted small" style={{ margin: '0.75rem 0 0' }}>Sends at most one message every {info.minIntervalMs / 1000} s; more wait their turn.</p> : null}
      </fieldset>
      <details open={!!channel?.template || !!errors('template') || undefined}>
        <summary>Labels and custom template</summary>
        <div className="form-grid" style={{ marginTop: '0.75rem' }}>
          <TextAreaField className="wide" label="Labels" rows={2} value={labels} onChange={(e) => setLabels(e.target.value)} error={errors('labels')} placeholder="team=payments" hint="One key=value per line." />
          <TextField className="wide" label="Title template" value={template.title ?? ''} onChange={(e) => setTemplate({ ...template, title: e.target.value })} error={errors('template.title')} placeholder="[{{severityUpper}}] {{title}}" hint="Mustache, logic-less; empty uses the default." />
          <TextAreaField className="wide" label="Text template" rows={3} value={template.text ?? ''} onChange={(e) => setTemplate({ ...template, text: e.target.value })} error={errors('template.text')} placeholder={'{{#alerts}}{{summary}} ({{labelText}})\n{{/alerts}}'} />
          <TextAreaField className="wide" label="HTML template (email)" rows={3} value={template.html ?? ''} onChange={(e) => setTemplate({ ...template, html: e.target.value })} error={errors('template.html')} />
        </div>
      </details>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          {channel ? 'Save changes' : 'Create channel'}
        </Button>
        <Link href={channel ? `/channels/${channel.id}` : '/channels'} className="btn btn-ghost">
          Cancel
        </Link>
      </div>
    </form>
  );
}
