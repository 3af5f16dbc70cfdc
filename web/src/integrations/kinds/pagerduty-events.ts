import type { IntegrationKind } from './types.ts';

export const pagerDutyEventsKind: IntegrationKind = {
  type: 'pagerduty-events',
  label: 'PagerDuty Events API v2',
  description: 'A PagerDuty-compatible endpoint: anything that can page PagerDuty (trigger, acknowledge, resolve with dedup_key) can page Custos.',
  snippets: ({ url, token, origin }) => [
    {
      label: 'In the sending tool',
      text: [`Events API URL:          ${origin}/v2/enqueue`, `Integration (routing) key: ${token}`, '', `Or post to ${url}/v2/enqueue with the key in the URL.`].join('\n'),
    },
    {
      label: 'Try it with curl',
      text: [
        `curl -sS -X POST ${origin}/v2/enqueue \\`,
        "  -H 'Content-Type: application/json' \\",
        `  -d '{"routing_key":"${token}","event_action":"trigger","dedup_key":"disk-db-2","payload":{"summary":"Disk 95% full on db-2","source":"db-2","severity":"critical"}}'`,
        '# resolve it later: the same dedup_key with "event_action":"resolve"',
      ].join('\n'),
    },
  ],
};
