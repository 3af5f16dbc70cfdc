import type { FieldKind, SettingField } from '../../monitors/probe-fields/types.ts';

/** The parts of a JSON Schema (as the server's zod schemas export it) that a settings form needs. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  additionalProperties?: unknown;
  format?: string;
}

export type SchemaField = SettingField & { secret: boolean };

const WORDS: Record<string, string> = { url: 'URL', id: 'ID', api: 'API', tls: 'TLS', sid: 'SID', smtp: 'SMTP', http: 'HTTP' };

/** `apiBaseUrl` → "API base URL". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/);
  return words.map((w, i) => WORDS[w] ?? (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
}

function kindOf(s: JsonSchema, secret: boolean): FieldKind {
  if (s.enum) return 'select';
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'boolean') return 'checkbox';
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'array') return s.items?.type === 'string' || s.items?.enum ? 'lines' : 'json';
  if (type === 'object') return (s.additionalProperties as JsonSchema | undefined)?.type === 'string' ? 'headers' : 'json';
  // A secret URL (a webhook with a token in it) stays readable while typed; it is masked once saved.
  return secret && s.format !== 'uri' ? 'password' : 'text';
}

function placeholderOf(s: JsonSchema, kind: FieldKind): string | undefined {
  if (s.default === undefined || kind === 'checkbox' || typeof s.default === 'object') return undefined;
  return String(s.default);
}

/** A list's default reads better in words than as a placeholder that looks like filled-in lines. */
const listDefault = (s: JsonSchema) => (Array.isArray(s.default) && s.default.length ? `Empty: ${s.default.join(', ')}` : undefined);

const sentence = (t: string) => `${t.charAt(0).toUpperCase()}${t.slice(1)}`.replace(/([^.])$/, '$1.');

function hintOf(s: JsonSchema, kind: FieldKind): string | undefined {
  const text = s.description?.replace(/\s*\(secret[^)]*\)\s*$/i, '').replaceAll('`', '');
  const extra = kind === 'lines' ? 'One per line.' : kind === 'headers' ? 'One "Name: value" per line.' : undefined;
  const parts = [text, extra, listDefault(s)].filter((p): p is string => !!p).map(sentence);
  return parts.length ? parts.join(' ') : undefined;
}

/** The form fields of a type's settings schema; fields named in `secretFields` are marked secret. */
export function schemaFields(schema: unknown, secretFields: string[]): SchemaField[] {
  const s = (schema ?? {}) as JsonSchema;
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).map(([key, prop]) => {
    const secret = secretFields.includes(key);
    const kind = kindOf(prop, secret);
    const options = prop.enum?.map((v) => ({ value: String(v), label: String(v) }));
    return {
      key,
      label: humanize(key),
      kind,
      secret,
      required: required.has(key),
      hint: hintOf(prop, kind),
      placeholder: placeholderOf(prop, kind),
      options: options && (required.has(key) || prop.default !== undefined ? options : [{ value: '', label: '(not set)' }, ...options]),
      wide: kind === 'lines' || kind === 'headers' || kind === 'json',
    };
  });
}

/** Defaults a new draft starts from: checkboxes and selects need a value to show. */
export function schemaDefaults(schema: unknown): Record<string, string | boolean> {
  const props = ((schema ?? {}) as JsonSchema).properties ?? {};
  const out: Record<string, string | boolean> = {};
  for (const [key, prop] of Object.entries(props)) {
    if (typeof prop.default === 'boolean') out[key] = prop.default;
    else if (prop.enum && prop.default !== undefined) out[key] = String(prop.default);
  }
  return out;
}
