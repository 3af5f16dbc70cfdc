import type { ProbeTypeUi } from './types.ts';

export const statuspageUi: ProbeTypeUi = {
  type: 'statuspage',
  label: 'Vendor status page',
  description: "Follows an upstream vendor's Statuspage (status.json indicator).",
  defaults: { baseUrl: '' },
  fields: [{ key: 'baseUrl', label: 'Status page URL', kind: 'text', placeholder: 'https://www.githubstatus.com', required: true, wide: true }],
};
