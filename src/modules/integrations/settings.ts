import { maskSecret, type SecretBox } from '../../platform/crypto/index.ts';
import type { IntegrationsTable } from './schema.ts';
import type { AnyIntegrationType } from './types/registry.ts';

type Settings = Record<string, unknown>;

const MASK_PREFIX = maskSecret('masked-value').slice(0, 6);
const isMasked = (v: unknown) => typeof v === 'string' && v.startsWith(MASK_PREFIX);

/** Splits settings into the plain part (JSON) and the secret part (encrypted, or null when empty). */
export function sealSettings(type: AnyIntegrationType, settings: Settings, box: () => SecretBox): { settings: string; secrets: string | null } {
  const plain: Settings = {};
  const secret: Settings = {};
  for (const [k, v] of Object.entries(settings)) if (v !== undefined) (type.secretFields.includes(k) ? secret : plain)[k] = v;
  return { settings: JSON.stringify(plain), secrets: Object.keys(secret).length > 0 ? box().encrypt(JSON.stringify(secret)) : null };
}

/** The full settings; throws SECRET_UNREADABLE when the key no longer opens them. */
export function openSettings(row: Pick<IntegrationsTable, 'settings' | 'secrets'>, box: () => SecretBox): Settings {
  const plain = JSON.parse(row.settings) as Settings;
  return row.secrets ? { ...plain, ...(JSON.parse(box().decrypt(row.secrets)) as Settings) } : plain;
}

/** For answers: each secret shows only its last characters (nothing when short). */
export function maskedSettings(row: Pick<IntegrationsTable, 'settings' | 'secrets'>, box: () => SecretBox): Settings {
  const plain = JSON.parse(row.settings) as Settings;
  if (!row.secrets) return plain;
  try {
    const secret = JSON.parse(box().decrypt(row.secrets)) as Settings;
    return { ...plain, ...Object.fromEntries(Object.entries(secret).map(([k, v]) => [k, typeof v === 'string' ? maskSecret(v) : '••••••'])) };
  } catch {
    return { ...plain, secrets: '[unreadable with the current key]' };
  }
}

/** A field set to null is removed; a secret sent back masked (a client round-tripping what it read) keeps the stored value. */
export function mergeSettings(type: AnyIntegrationType, current: Settings, patch: Settings): Settings {
  const next: Settings = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete next[k];
    else if (!(type.secretFields.includes(k) && isMasked(v))) next[k] = v;
  }
  return next;
}
