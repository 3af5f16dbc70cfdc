import type { Draft, SettingField } from './types.ts';

const read = (obj: Record<string, unknown>, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);

function write(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let target = obj;
  for (const k of keys.slice(0, -1)) {
    if (!target[k] || typeof target[k] !== 'object') target[k] = {};
    target = target[k] as Record<string, unknown>;
  }
  target[keys.at(-1)!] = value;
}

function toText(field: SettingField, value: unknown): string | boolean {
  if (field.kind === 'checkbox') return value === true;
  if (value === undefined || value === null) return '';
  switch (field.kind) {
    case 'lines':
      return Array.isArray(value) ? value.join('\n') : String(value);
    case 'status-list':
    case 'args':
      return Array.isArray(value) ? value.join(field.kind === 'args' ? ' ' : ', ') : String(value);
    case 'headers':
      return Object.entries(value as Record<string, string>)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n');
    case 'json':
      return Array.isArray(value) && value.length === 0 ? '' : JSON.stringify(value, null, 2);
    default:
      return String(value);
  }
}

/** The form's text for each field, from a monitor's settings. */
export function settingsToDraft(fields: SettingField[], settings: Record<string, unknown>): Draft {
  return Object.fromEntries(fields.map((f) => [f.key, toText(f, read(settings, f.key))]));
}

export class DraftError extends Error {
  readonly key: string;
  constructor(key: string, message: string) {
    super(message);
    this.key = key;
  }
}

function fromText(field: SettingField, raw: string | boolean): unknown {
  if (field.kind === 'checkbox') return raw === true;
  const text = String(raw);
  if (text.trim() === '') return undefined;
  switch (field.kind) {
    case 'number':
      return Number.isFinite(Number(text)) ? Number(text) : text;
    case 'lines':
      return text.split('\n').map((l) => l.trim()).filter(Boolean);
    case 'status-list':
      return text.split(/[\s,]+/).filter(Boolean).map((s) => (/^\d{3}$/.test(s) ? Number(s) : s));
    case 'args':
      return text.trim().split(/\s+/);
    case 'headers':
      return Object.fromEntries(
        text
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => {
            const at = l.indexOf(':');
            return at === -1 ? [l.trim(), ''] : [l.slice(0, at).trim(), l.slice(at + 1).trim()];
          }),
      );
    case 'json':
      try {
        return JSON.parse(text);
      } catch {
        throw new DraftError(field.key, 'not valid JSON');
      }
    default:
      return text;
  }
}

/**
 * Settings from the form: starts from `base` (so settings the form does not show are kept),
 * drops every key the form owns, and writes back the filled-in ones.
 */
export function draftToSettings(fields: SettingField[], draft: Draft, base: Record<string, unknown> = {}): Record<string, unknown> {
  const settings = structuredClone(base);
  for (const f of fields) delete settings[f.key.split('.')[0]];
  const omitted = new Set(fields.filter((f) => f.omitParentWhenEmpty && !draft[f.key]).map((f) => f.key.split('.')[0]));
  for (const f of fields) {
    const root = f.key.split('.')[0];
    if (omitted.has(root) || (f.showIf && !f.showIf(draft))) continue;
    const value = fromText(f, draft[f.key] ?? '');
    if (value !== undefined) write(settings, f.key, value);
  }
  return settings;
}
