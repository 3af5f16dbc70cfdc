import type { ProbeTypeUi } from './types.ts';

const usesHost = (d: Record<string, unknown>) => !d.connectionString;

export const postgresUi: ProbeTypeUi = {
  type: 'postgres',
  label: 'PostgreSQL',
  description: 'Connects and runs a trivial (or your own read-only) query.',
  defaults: { connectionString: '' },
  fields: [
    { key: 'connectionString', label: 'Connection string', kind: 'password', placeholder: 'postgres://user:password@host:5432/db', hint: 'Or leave empty and give host and credentials.', wide: true },
    { key: 'host', label: 'Host', kind: 'text', showIf: usesHost },
    { key: 'port', label: 'Port', kind: 'number', placeholder: '5432', showIf: usesHost },
    { key: 'user', label: 'User', kind: 'text', showIf: usesHost },
    { key: 'password', label: 'Password', kind: 'password', showIf: usesHost },
    { key: 'database', label: 'Database', kind: 'text', showIf: usesHost },
    {
      key: 'ssl',
      label: 'TLS',
      kind: 'select',
      options: [
        { value: '', label: 'Default' },
        { value: 'disable', label: 'Disable' },
        { value: 'require', label: 'Require' },
        { value: 'verify-full', label: 'Verify full' },
      ],
    },
    { key: 'query', label: 'Query', kind: 'textarea', hint: 'Runs read-only; default SELECT 1.', advanced: true, wide: true },
    { key: 'expect', label: 'Expected value', kind: 'text', hint: 'First column of the first row, as text.', advanced: true },
  ],
};
