import type { IntegrationKind } from './types.ts';

export const alertmanagerKind: IntegrationKind = {
  type: 'alertmanager',
  label: 'Prometheus Alertmanager',
  description: 'A webhook receiver: one Custos alert per Alertmanager alert (fingerprint), resolved when Alertmanager resolves it.',
  snippets: ({ url, settings }) => {
    const auth = settings.username
      ? ['        http_config:', '          basic_auth:', `            username: ${String(settings.username)}`, '            password: <the password you set>']
      : settings.bearerToken
        ? ['        http_config:', '          authorization:', '            credentials: <the bearer token you set>']
        : [];
    const yaml = ['route:', '  receiver: custos', 'receivers:', '  - name: custos', '    webhook_configs:', `      - url: ${url}`, '        send_resolved: true', ...auth].join('\n');
    return [{ label: 'alertmanager.yml (receivers and the route that uses it)', text: yaml }];
  },
};
