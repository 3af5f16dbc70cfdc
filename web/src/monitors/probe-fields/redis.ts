import type { ProbeTypeUi } from './types.ts';

export const redisUi: ProbeTypeUi = {
  type: 'redis',
  label: 'Redis',
  description: 'Connects and sends PING, or a command you choose, and checks the reply.',
  defaults: { url: '', expectMatch: 'exact' },
  fields: [
    { key: 'url', label: 'URL', kind: 'password', placeholder: 'redis://:password@cache.internal:6379', required: true, wide: true },
    { key: 'command', label: 'Command', kind: 'args', placeholder: 'GET maintenance-flag', hint: 'Arguments separated by spaces; empty sends PING.', advanced: true },
    { key: 'expect', label: 'Expected reply', kind: 'text', hint: 'Defaults to PONG for PING.', advanced: true },
    {
      key: 'expectMatch',
      label: 'Match',
      kind: 'select',
      advanced: true,
      options: [
        { value: 'exact', label: 'Exactly' },
        { value: 'contains', label: 'Contains' },
      ],
    },
  ],
};
