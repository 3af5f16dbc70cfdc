import type { ProbeTypeUi } from './types.ts';

const RECORDS = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SOA', 'CAA'].map((r) => ({ value: r, label: r }));

export const dnsUi: ProbeTypeUi = {
  type: 'dns',
  label: 'DNS record',
  description: 'Resolves a name and checks the answer and response code.',
  defaults: { name: '', recordType: 'A', match: 'contains', expectRcode: 'NOERROR' },
  fields: [
    { key: 'name', label: 'Name', kind: 'text', placeholder: 'example.com', required: true },
    { key: 'recordType', label: 'Record type', kind: 'select', options: RECORDS },
    { key: 'expectValues', label: 'Expected values', kind: 'lines', hint: 'One per line; empty accepts any answer.' },
    {
      key: 'match',
      label: 'Match',
      kind: 'select',
      options: [
        { value: 'contains', label: 'Answer contains every value' },
        { value: 'exact', label: 'Answer is exactly these values' },
      ],
    },
    { key: 'resolver', label: 'Resolver', kind: 'text', placeholder: '1.1.1.1:53', hint: 'Empty: the system resolver.', advanced: true },
    {
      key: 'expectRcode',
      label: 'Expected response code',
      kind: 'select',
      advanced: true,
      options: [
        { value: 'NOERROR', label: 'NOERROR' },
        { value: 'NXDOMAIN', label: 'NXDOMAIN' },
      ],
    },
    { key: 'tries', label: 'Tries', kind: 'number', advanced: true },
  ],
};
