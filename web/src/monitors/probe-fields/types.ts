export type FieldKind = 'text' | 'number' | 'password' | 'select' | 'checkbox' | 'textarea' | 'lines' | 'headers' | 'status-list' | 'args' | 'json';

export type Draft = Record<string, string | boolean>;

/** One input of a probe type's settings; `key` is the settings path (`auth.token`). */
export interface SettingField {
  key: string;
  label: string;
  kind: FieldKind;
  options?: Array<{ value: string; label: string }>;
  placeholder?: string;
  hint?: string;
  required?: boolean;
  /** Shown under "More options". */
  advanced?: boolean;
  wide?: boolean;
  /** Shown only when this returns true for the current draft. */
  showIf?: (draft: Draft) => boolean;
  /** A select whose empty value means "leave the whole object out" (auth.type: none). */
  omitParentWhenEmpty?: boolean;
}

/** How the dashboard edits one probe type; the server's schema stays the authority. */
export interface ProbeTypeUi {
  type: string;
  label: string;
  description: string;
  fields: SettingField[];
  /** Initial draft for a new monitor. */
  defaults: Draft;
}
