import type { ProbeTypeUi } from './types.ts';

export const tcpUi: ProbeTypeUi = {
  type: 'tcp',
  label: 'TCP port',
  description: 'Connects to a host and port; optionally sends a line and expects a reply.',
  defaults: { host: '', port: '' },
  fields: [
    { key: 'host', label: 'Host', kind: 'text', placeholder: 'db.internal', required: true },
    { key: 'port', label: 'Port', kind: 'number', placeholder: '5432', required: true },
    { key: 'send', label: 'Send', kind: 'text', hint: 'Written after connecting (UTF-8).', advanced: true },
    { key: 'expect', label: 'Reply contains', kind: 'text', advanced: true },
  ],
};
