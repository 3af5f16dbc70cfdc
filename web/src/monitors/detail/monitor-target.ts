/** What a monitor points at, in one line, from whichever settings its type has. */
export function monitorTarget(settings: Record<string, unknown>): string {
  const s = settings as Record<string, string | number | undefined>;
  if (s.url) return redact(String(s.url));
  if (s.baseUrl) return String(s.baseUrl);
  if (s.connectionString) return redact(String(s.connectionString));
  if (s.name && s.recordType) return `${s.recordType} ${s.name}`;
  if (s.host) return `${s.host}${s.port ? `:${s.port}` : ''}`;
  return '';
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '****';
    return u.toString();
  } catch {
    return url;
  }
}
