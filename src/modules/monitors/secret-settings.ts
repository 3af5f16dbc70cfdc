import { maskSecret, type SecretBox } from '../../platform/crypto/index.ts';
import { AppError } from '../../platform/errors.ts';

type Settings = Record<string, unknown>;

/** Where a probe type keeps credentials in its settings: dotted paths such as `auth.password`. */
export type SecretPaths = readonly string[];

const MASK = '••••••';

function at(settings: Settings, path: string): unknown {
  let node: unknown = settings;
  for (const key of path.split('.')) node = node && typeof node === 'object' ? (node as Settings)[key] : undefined;
  return node;
}

function put(settings: Settings, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = settings;
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') return;
    node = node[key] as Settings;
  }
  node[keys.at(-1)!] = value;
}

/** A URL keeps everything but its password (`redis://:••••••@cache:6379`); other values their last characters. */
function masked(value: string): string | null {
  if (value.includes('://') && URL.canParse(value)) {
    const url = new URL(value);
    if (!url.password) return null;
    url.password = MASK;
    return url.toString().replace(encodeURIComponent(MASK), MASK);
  }
  return maskSecret(value);
}

/**
 * Splits parsed settings into what is stored in plain JSON, with each credential replaced by its
 * masked form (so answers, audit snapshots and logs never hold it), and the credentials
 * themselves, encrypted (null when there are none).
 */
export function sealSettings(paths: SecretPaths, settings: Settings, box: (() => SecretBox) | undefined): { settings: string; secrets: string | null } {
  const plain = structuredClone(settings);
  const secret: Settings = {};
  for (const path of paths) {
    const value = at(plain, path);
    if (typeof value !== 'string' || value === '') continue;
    const shown = masked(value);
    if (shown === null) continue;
    secret[path] = value;
    put(plain, path, shown);
  }
  if (Object.keys(secret).length === 0) return { settings: JSON.stringify(plain), secrets: null };
  if (!box) throw new AppError('INTERNAL', 'monitor credentials cannot be stored without the secret key');
  return { settings: JSON.stringify(plain), secrets: box().encrypt(JSON.stringify(secret)) };
}

/** The settings a probe runs with: the stored ones with their credentials decrypted. */
export function openSettings(row: { settings: string; secrets: string | null }, box: (() => SecretBox) | undefined): Settings {
  const plain = JSON.parse(row.settings) as Settings;
  if (!row.secrets) return plain;
  if (!box) throw new AppError('INTERNAL', 'monitor credentials cannot be read without the secret key');
  for (const [path, value] of Object.entries(JSON.parse(box().decrypt(row.secrets)) as Settings)) put(plain, path, value);
  return plain;
}

/**
 * An update that sends a credential back exactly as it was shown (a client round-tripping what it
 * read) keeps the stored credential.
 */
export function restoreSecrets(paths: SecretPaths, incoming: Settings, storedPlain: Settings, storedOpen: Settings): Settings {
  const next = structuredClone(incoming);
  for (const path of paths) {
    const sent = at(next, path);
    if (typeof sent === 'string' && sent === at(storedPlain, path) && at(storedOpen, path) !== undefined) put(next, path, at(storedOpen, path));
  }
  return next;
}
