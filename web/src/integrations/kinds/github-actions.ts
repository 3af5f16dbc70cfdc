import type { IntegrationKind } from './types.ts';

const names = (v: unknown) => (Array.isArray(v) && v.length ? v.join(', ') : null);

export const githubActionsKind: IntegrationKind = {
  type: 'github-actions',
  label: 'GitHub Actions',
  description: 'The workflow_run webhook, signed with a secret: a failed run of a chosen workflow raises an alert, the next success resolves it.',
  snippets: ({ url, settings }) => [
    {
      label: 'Repository (or organization) → Settings → Webhooks → Add webhook',
      text: [
        `Payload URL:   ${url}`,
        'Content type:  application/json',
        'Secret:        the secret you set on this integration',
        'SSL:           enable SSL verification',
        'Events:        Let me select individual events → Workflow runs (only)',
        'Active:        checked',
      ].join('\n'),
    },
    {
      label: 'What raises an alert',
      text: [
        `Workflows: ${names(settings.workflows) ?? 'every workflow'}`,
        `Branches:  ${names(settings.branches) ?? 'every branch'}`,
        `A run that fails, times out${settings.alertOnCancelled ? ', is cancelled' : ''} or fails to start raises "${String(settings.severity ?? 'error')}"; the next successful run resolves it.`,
      ].join('\n'),
    },
  ],
};
