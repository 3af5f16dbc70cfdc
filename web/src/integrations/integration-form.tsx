import { useState, type FormEvent } from 'react';
import { useClient } from '../api/client-context.tsx';
import { useSave } from '../api/use-save.ts';
import { TextAreaField, TextField } from '../components/field.tsx';
import { FormError } from '../components/form-error.tsx';
import { labelsToText, textToLabels } from '../components/labels.tsx';
import { SchemaSettingsFields } from '../components/schema/schema-settings-fields.tsx';
import { useSchemaDraft } from '../components/schema/use-schema-draft.ts';
import { SubmitCancel } from '../components/submit-cancel.tsx';
import { DraftError } from '../monitors/probe-fields/settings-draft.ts';
import { TypePicker } from './type-picker.tsx';
import type { CreatedIntegration, Integration, IntegrationType } from './types.ts';

interface Props {
  integration?: Integration;
  /** Null when the server does not describe its types: settings are then edited as JSON. */
  types: IntegrationType[] | null;
  onSaved: (saved: Integration | CreatedIntegration) => void;
  cancelHref: string;
}

/** Create (type, name, settings, labels) or edit an inbound integration; secrets show masked once saved. */
export function IntegrationForm({ integration, types, onSaved, cancelHref }: Props) {
  const client = useClient();
  const [type, setType] = useState(integration?.type ?? 'alertmanager');
  const info = types?.find((t) => t.type === type);
  const settings = useSchemaDraft(info, integration?.settings);
  const [name, setName] = useState(integration?.name ?? '');
  const [labels, setLabels] = useState(labelsToText(integration?.labels ?? {}));
  const [json, setJson] = useState(JSON.stringify(integration?.settings ?? {}, null, 2));
  const { error, busy, run, errors, setError } = useSave();

  const changeType = (next: string) => {
    setType(next);
    settings.resetTo(types?.find((x) => x.type === next));
    setError(null);
  };
  const settingsToSend = (): Record<string, unknown> => {
    if (info) return settings.body();
    try {
      return JSON.parse(json || '{}') as Record<string, unknown>;
    } catch {
      throw new DraftError('json', 'not valid JSON');
    }
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(
      settings.reading(async () => {
        const body = { name, labels: textToLabels(labels), settings: settingsToSend() };
        onSaved(integration ? await client.patch<Integration>(`/integrations/${integration.id}`, body) : await client.post<CreatedIntegration>('/integrations', { ...body, type }));
      }),
    );
  };

  const claimed = ['name', 'type', 'labels', ...(info ? settings.fields.map((f) => `settings.${f.key}`) : ['settings'])];
  return (
    <form className="stack" onSubmit={save} noValidate aria-label={integration ? `Edit ${integration.name}` : 'New integration'}>
      <FormError error={error} title="Not saved." claimed={claimed} />
      {!integration && <TypePicker value={type} onChange={changeType} types={types} error={errors('type')} />}
      <fieldset>
        <legend>Integration</legend>
        <div className="form-grid">
          <TextField label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={errors('name')} placeholder="Production Alertmanager" autoFocus={!!integration} />
          <TextAreaField label="Labels" rows={2} value={labels} onChange={(e) => setLabels(e.target.value)} error={errors('labels')} placeholder={'team=platform\nenv=production'} hint="Added to every alert it raises (they win over the sender's)." />
        </div>
      </fieldset>
      <fieldset>
        <legend>{info?.label ?? type} settings</legend>
        {info ? (
          settings.fields.length ? (
            <SchemaSettingsFields key={type} fields={settings.fields} draft={settings.draft} onChange={settings.change} errors={errors} localErrors={settings.localErrors} stored={settings.stored} onReplace={settings.replace} />
          ) : (
            <p className="muted">Nothing to set: the hook token is the only credential.</p>
          )
        ) : (
          <TextAreaField label="Settings (JSON)" rows={5} value={json} onChange={(e) => setJson(e.target.value)} error={settings.localErrors.json ?? errors('settings')} hint="This server does not describe its integration types, so settings are given as JSON." spellCheck={false} />
        )}
      </fieldset>
      <SubmitCancel label={integration ? 'Save changes' : 'Create integration'} busy={busy} cancelHref={cancelHref} />
    </form>
  );
}
