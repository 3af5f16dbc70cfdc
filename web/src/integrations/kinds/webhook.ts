import type { IntegrationKind } from './types.ts';

function put(target: Record<string, unknown>, path: unknown, value: unknown): void {
  if (typeof path !== 'string' || !path) return;
  const keys = path.split('.');
  let at = target;
  for (const k of keys.slice(0, -1)) {
    if (!at[k] || typeof at[k] !== 'object') at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  at[keys.at(-1)!] = value;
}

/** An example body shaped by the integration's field mapping. */
function exampleBody(settings: Record<string, unknown>): string {
  const body: Record<string, unknown> = {};
  put(body, settings.dedupKeyPath ?? 'id', 'disk-db-2');
  put(body, settings.statusPath, 'firing');
  put(body, settings.summaryPath, 'Disk 95% full on db-2');
  put(body, settings.severityPath, 'critical');
  put(body, settings.labelsPath, { service: 'db', host: 'db-2' });
  return JSON.stringify(body);
}

export const webhookKind: IntegrationKind = {
  type: 'webhook',
  label: 'Generic JSON webhook',
  description: 'Any tool that can POST JSON: a dedup key picks the alert, an optional status field resolves it, a few fields are mapped by dot-path.',
  snippets: ({ url, settings }) => {
    const body = exampleBody(settings);
    const header = String(settings.signatureHeader ?? 'x-hub-signature-256');
    const signed = settings.secret
      ? [
          "SECRET='<the secret you set>'",
          `BODY='${body}'`,
          `SIG=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET" | sed 's/^.* //')`,
          `curl -sS -X POST ${url} -H 'Content-Type: application/json' -H "${header}: sha256=$SIG" --data-binary "$BODY"`,
        ]
      : [`curl -sS -X POST ${url} \\`, "  -H 'Content-Type: application/json' \\", `  -d '${body}'`];
    const resolve = settings.statusPath ? [`# resolve: send the same key with ${String(settings.statusPath)} set to "resolved"`] : ['# set statusPath to let a sender resolve the alert'];
    return [{ label: 'Send an alert with curl', text: [...signed, ...resolve].join('\n') }];
  },
};
