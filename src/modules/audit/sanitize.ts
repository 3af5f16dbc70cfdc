const SECRET_KEYS = new Set([
  'password',
  'passwordhash',
  'secret',
  'secrets',
  'token',
  'tokenhash',
  'apikey',
  'privatekey',
  'secretkey',
  'webhookurl',
  'credentials',
  'authorization',
  'cookie',
  'routingkey',
  'authtoken',
  'bottoken',
]);

const normalise = (key: string) => key.toLowerCase().replace(/[_\-\s]/g, '');

/** A copy of `value` with every secret-named field replaced; secrets never enter the chain. */
export function withoutSecrets(value: unknown, depth = 0): unknown {
  if (depth > 32) return '[depth]';
  if (Array.isArray(value)) return value.map((v) => withoutSecrets(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      out[k] = SECRET_KEYS.has(normalise(k)) && v !== null ? '[redacted]' : withoutSecrets(v, depth + 1);
    }
    return out;
  }
  return value;
}
