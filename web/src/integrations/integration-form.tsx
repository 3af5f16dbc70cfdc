import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../api/client.ts';
import { useClient } from '../api/client-context.tsx';
import { fieldErrors, unclaimedIssues } from '../api/field-errors.ts';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { TextAreaField, TextField } from '../components/field.tsx';
import { labelsToText, textToLabels } from '../components/labels.tsx';
import { schemaFields } from '../components/schema/schema-fields.ts';
import { SchemaSettingsFields } from '../components/schema/schema-settings-fields.tsx';
import { initialDraft, settingsBody } from '../components/schema/schema-settings.ts';
import { DraftError } from '../monitors/probe-fields/settings-draft.ts';
import type { Draft } from '../monitors/probe-fields/types.ts';
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
  const fields = useMemo(() => (info ? schemaFields(info.settingsSchema, info.secretFields) : []), [info]);
  const [name, setName] = useState(integration?.name ?? '');
  const [labels, setLabels] = useState(labelsToText(integration?.labels ?? {}));
  const [draft, setDraft] = useState<Draft>(() => initialDraft(fields, info?.settingsSchema, integration?.settings));
  const [json, setJson] = useState(JSON.stringify(integration?.settings ?? {}, null, 2));
  const [replacing, setReplacing] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);
  const stored = integration ? { values: integration.settings, replacing } : undefined;

  const changeType = (next: string) => {
    const t = types?.find((x) => x.type === next);
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
  const settings = (): Record<string, unknown> => {
    if (info) return settingsBody(fields, draft, stored);
    try {
      return JSON.parse(json || '{}') as Record<string, unknown>;
    } catch {
      throw new DraftError('json', 'not valid JSON');
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setLocalErrors({});
    try {
      const body = { name, labels: textToLabels(labels), settings: settings() };
      onSaved(integration ? await client.patch<Integration>(`/integrations/${integration.id}`, body) : await client.post<CreatedIntegration>('/integrations', { ...body, type }));
    } catch (err) {
      if (err instanceof DraftError) setLocalErrors({ [err.key]: err.message });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const leftover = unclaimedIssues(error, ['name', 'type', 'labels', ...(info ? fields.map((f) => `settings.${f.key}`) : ['settings'])]);
  const issues = error instanceof ApiError ? error.issues.length : 0;
  return (
    <form className="stack" onSubmit={(e) => void save(e)} noValidate aria-label={integration ? `Edit ${integration.name}` : 'New integration'}>
      {error !== null && <ErrorBanner error={issues === 0 ? error : new Error(leftover.length ? leftover.join('; ') : 'Check the highlighted fields.')} title="Not saved." />}
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
          fields.length ? (
            <SchemaSettingsFields key={type} fields={fields} draft={draft} onChange={(k, v) => setDraft((d) => ({ ...d, [k]: v }))} errors={errors} localErrors={localErrors} stored={stored} onReplace={replace} />
          ) : (
            <p className="muted">Nothing to set: the hook token is the only credential.</p>
          )
        ) : (
          <TextAreaField label="Settings (JSON)" rows={5} value={json} onChange={(e) => setJson(e.target.value)} error={localErrors.json ?? errors('settings')} hint="This server does not describe its integration types, so settings are given as JSON." spellCheck={false} />
        )}
      </fieldset>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          {integration ? 'Save changes' : 'Create integration'}
        </Button>
        <Link href={cancelHref} className="btn btn-ghost">
          Cancel
        </Link>
      </div>
    </form>
  );
}
