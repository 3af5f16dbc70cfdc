const PUBLIC_KEY = /^[A-Za-z0-9_-]{8,64}$/;

/** `Sentry sentry_key=abc, sentry_version=7, sentry_client=…` → `abc`. */
export function keyFromAuthHeader(header: string | string[] | undefined): string | null {
  const text = [header ?? ''].flat()[0] ?? '';
  if (!text) return null;
  const body = text.replace(/^\s*sentry\s+/i, '');
  for (const part of body.split(',')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim().toLowerCase() === 'sentry_key') return valid(part.slice(at + 1).trim());
  }
  return null;
}

/** The public key of a DSN, as the envelope header's `dsn` carries it. */
export function keyFromDsn(dsn: unknown): string | null {
  if (typeof dsn !== 'string' || dsn.length > 1000) return null;
  try {
    return valid(decodeURIComponent(new URL(dsn).username));
  } catch {
    return null;
  }
}

export function valid(key: string | undefined | null): string | null {
  return key && PUBLIC_KEY.test(key) ? key : null;
}

/** The project number at the end of a DSN's path. */
export function projectFromDsn(dsn: unknown): number | null {
  if (typeof dsn !== 'string') return null;
  const m = /\/(\d{1,15})\/?$/.exec(dsn);
  return m ? Number(m[1]) : null;
}
