import { useMemo, useState } from 'react';
import { DraftError } from '../../monitors/probe-fields/settings-draft.ts';
import type { Draft } from '../../monitors/probe-fields/types.ts';
import { schemaFields } from './schema-fields.ts';
import { initialDraft, settingsBody, type StoredSettings } from './schema-settings.ts';

/** What a registered type (a channel's, an integration's) says about its settings. */
export interface SchemaType {
  settingsSchema: Record<string, unknown>;
  secretFields: string[];
}

const fieldsOf = (type: SchemaType | undefined) => (type ? schemaFields(type.settingsSchema, type.secretFields) : []);

/**
 * The settings of a typed object as its form edits them: the draft from the type's schema, the
 * stored secrets being replaced, and the text that could not be read, shown at its field.
 */
export function useSchemaDraft(type: SchemaType | undefined, saved?: Record<string, unknown>) {
  const fields = useMemo(() => fieldsOf(type), [type]);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(fields, type?.settingsSchema, saved));
  const [replacing, setReplacing] = useState<Set<string>>(new Set());
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const stored: StoredSettings | undefined = saved ? { values: saved, replacing } : undefined;

  const change = (key: string, value: string | boolean) => setDraft((d) => ({ ...d, [key]: value }));
  const replace = (key: string, on: boolean) => {
    setReplacing((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
    setDraft((d) => ({ ...d, [key]: '' }));
  };
  const resetTo = (next: SchemaType | undefined) => setDraft(initialDraft(fieldsOf(next), next?.settingsSchema));
  /** Wraps a save: a DraftError it throws is shown at its field instead of passed on. */
  const reading = (save: () => Promise<void>) => async () => {
    setLocalErrors({});
    try {
      await save();
    } catch (err) {
      if (!(err instanceof DraftError)) throw err;
      setLocalErrors({ [err.key]: err.message });
    }
  };
  return { fields, draft, stored, localErrors, change, replace, resetTo, reading, body: () => settingsBody(fields, draft, stored) };
}
