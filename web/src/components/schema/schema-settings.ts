import { draftToSettings, settingsToDraft } from '../../monitors/probe-fields/settings-draft.ts';
import type { Draft } from '../../monitors/probe-fields/types.ts';
import { schemaDefaults, type SchemaField } from './schema-fields.ts';

/** What the settings form needs to know about saved settings: their (masked) values and which secrets are being replaced. */
export interface StoredSettings {
  values: Record<string, unknown>;
  replacing: Set<string>;
}

/** A secret that is stored and shown masked until someone chooses to replace it. */
export const isKeptSecret = (f: SchemaField, stored: StoredSettings | undefined) => !!stored && f.secret && stored.values[f.key] !== undefined && !stored.replacing.has(f.key);

/** The draft a form starts from: the schema's defaults for a new object, else its settings with secrets left blank. */
export function initialDraft(fields: SchemaField[], schema: unknown, values?: Record<string, unknown>): Draft {
  if (!values) return schemaDefaults(schema);
  const draft = settingsToDraft(fields, values);
  for (const f of fields) if (f.secret) draft[f.key] = '';
  return draft;
}

/**
 * The settings to send. On create, the filled-in fields. On edit (the server merges a PATCH),
 * the changed fields, `null` for a field emptied, and nothing for a secret that is kept.
 * Throws DraftError for text it cannot read (bad JSON).
 */
export function settingsBody(fields: SchemaField[], draft: Draft, stored?: StoredSettings): Record<string, unknown> {
  const editable = fields.filter((f) => !isKeptSecret(f, stored));
  const settings = draftToSettings(editable, draft);
  if (stored) for (const f of editable) if (settings[f.key] === undefined && stored.values[f.key] !== undefined) settings[f.key] = null;
  return settings;
}
