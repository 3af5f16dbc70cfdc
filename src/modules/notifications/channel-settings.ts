import { maskSecret, type SecretBox } from '../../platform/crypto/index.ts';
import type { AnyChannelType } from './channels/index.ts';
import type { ChannelsTable } from './schema.ts';

type Settings = Record<string, unknown>;

const MASK_PREFIX = maskSecret('masked-value').slice(0, 6);
const isMasked = (v: unknown) => typeof v === 'string' && v.startsWith(MASK_PREFIX);

const maskValue = (v: unknown): unknown =>
  typeof v === 'string' ? maskSecret(v) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskValue(x)])) : v;

/** Splits settings into the plain part (stored as JSON) and the secret part (stored encrypted, or null when empty). */
export function sealSettings(type: AnyChannelType, settings: Settings, box: SecretBox): { settings: string; secrets: string | null } {
  const plain: Settings = {};
  const secret: Settings = {};
  for (const [k, v] of Object.entries(settings)) (type.secretFields.includes(k) ? secret : plain)[k] = v;
  const hasSecret = Object.values(secret).some((v) => v !== undefined);
  return { settings: JSON.stringify(plain), secrets: hasSecret ? box.encrypt(JSON.stringify(secret)) : null };
}

/** The full settings of a stored channel; throws SECRET_UNREADABLE when the key no longer opens them. */
export function openSettings(row: Pick<ChannelsTable, 'settings' | 'secrets'>, box: SecretBox): Settings {
  const plain = JSON.parse(row.settings) as Settings;
  return row.secrets ? { ...plain, ...(JSON.parse(box.decrypt(row.secrets)) as Settings) } : plain;
}

/** For answers: every stored secret shows only its last characters (or nothing, when short). */
export function maskedSettings(row: Pick<ChannelsTable, 'settings' | 'secrets'>, box: SecretBox): Settings {
  const plain = JSON.parse(row.settings) as Settings;
  if (!row.secrets) return plain;
  let secret: Settings;
  try {
    secret = JSON.parse(box.decrypt(row.secrets)) as Settings;
  } catch {
    return { ...plain, secrets: '[unreadable with the current key]' };
  }
  return { ...plain, ...(maskValue(secret) as Settings) };
}

/**
 * Applies an update: a field set to null is removed; a secret sent back in its masked form (a
 * client round-tripping what it read) keeps the stored value, field by field for header maps.
 */
export function mergeSettings(type: AnyChannelType, current: Settings, patch: Settings): Settings {
  const next: Settings = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete next[k];
    else if (type.secretFields.includes(k) && isMasked(v)) continue;
    else if (type.secretFields.includes(k) && v && typeof v === 'object' && current[k] && typeof current[k] === 'object') {
      const old = current[k] as Settings;
      next[k] = Object.fromEntries(Object.entries(v).map(([hk, hv]) => [hk, isMasked(hv) ? old[hk] : hv]).filter(([, hv]) => hv !== undefined));
    } else next[k] = v;
  }
  return next;
}
