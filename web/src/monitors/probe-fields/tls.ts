import type { ProbeTypeUi } from './types.ts';

export const tlsUi: ProbeTypeUi = {
  type: 'tls',
  label: 'TLS certificate',
  description: 'Checks the certificate of host:port: expiry, chain and host name.',
  defaults: { host: '', port: '443', warningDays: '14', criticalDays: '7' },
  fields: [
    { key: 'host', label: 'Host', kind: 'text', placeholder: 'example.com', required: true },
    { key: 'port', label: 'Port', kind: 'number' },
    { key: 'warningDays', label: 'Warn when expiring within (days)', kind: 'number', hint: 'Degraded below this.' },
    { key: 'criticalDays', label: 'Down when expiring within (days)', kind: 'number' },
    { key: 'servername', label: 'Server name (SNI)', kind: 'text', hint: 'Defaults to the host.', advanced: true },
    { key: 'ca', label: 'Trusted CA certificates (PEM)', kind: 'textarea', hint: 'For a private PKI; replaces the system roots.', advanced: true, wide: true },
  ],
};
