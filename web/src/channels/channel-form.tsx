import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import { useSave } from '../api/use-save.ts';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../components/field.tsx';
import { FormError } from '../components/form-error.tsx';
import { labelsToText, textToLabels } from '../components/labels.tsx';
import { SchemaSettingsFields } from '../components/schema/schema-settings-fields.tsx';
import { useSchemaDraft } from '../components/schema/use-schema-draft.ts';
import { SubmitCancel } from '../components/submit-cancel.tsx';
import { useToast } from '../components/toasts.tsx';
import type { Channel, ChannelType } from './types.ts';

type Template = NonNullable<Channel['template']>;

/** Create (no `channel`) or edit a notification channel of any registered type, from its settings schema. */
export function ChannelForm({ channel, types }: { channel?: Channel; types: ChannelType[] }) {
  const client = useClient();
  const toast = useToast();
  const [, navigate] = useLocation();
  const [type, setType] = useState(channel?.type ?? types.find((t) => t.type === 'webhook')?.type ?? types[0]?.type ?? '');
  const info = types.find((t) => t.type === type);
  const settings = useSchemaDraft(info, channel?.settings);
  const [name, setName] = useState(channel?.name ?? '');
  const [enabled, setEnabled] = useState(channel?.enabled ?? true);
  const [labels, setLabels] = useState(labelsToText(channel?.labels ?? {}));
  const [template, setTemplate] = useState<Template>(channel?.template ?? {});
  const { error, busy, run, errors, setError } = useSave();

  const changeType = (next: string) => {
    setType(next);
    settings.resetTo(types.find((x) => x.type === next));
    setError(null);
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(
      settings.reading(async () => {
        const tpl = Object.fromEntries(Object.entries(template).filter(([, v]) => v?.trim()));
        const body = { name, enabled, labels: textToLabels(labels), settings: settings.body(), template: Object.keys(tpl).length ? tpl : null };
        const saved = channel ? await client.patch<Channel>(`/channels/${channel.id}`, body) : await client.post<Channel>('/channels', { ...body, type });
        toast.info(channel ? 'Channel saved' : 'Channel created: send a test to check it works');
        navigate(`/channels/${saved.id}`);
      }),
    );
  };

  const claimed = ['name', 'type', 'enabled', 'labels', 'template', ...settings.fields.map((f) => `settings.${f.key}`)];
  return (
    <form className="stack" onSubmit={save} noValidate aria-label={channel ? `Edit ${channel.name}` : 'New channel'}>
      <FormError error={error} title="Not saved." claimed={claimed} />
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
          <SchemaSettingsFields key={type} fields={settings.fields} draft={settings.draft} onChange={settings.change} errors={errors} localErrors={settings.localErrors} stored={settings.stored} onReplace={settings.replace} />
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
      <SubmitCancel label={channel ? 'Save changes' : 'Create channel'} busy={busy} cancelHref={channel ? `/channels/${channel.id}` : '/channels'} />
    </form>
  );
}
