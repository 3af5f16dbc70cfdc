import type { RevealedSecret } from '../components/secret-once.tsx';
import type { CreatedIntegration } from './types.ts';

/** The secrets of a just-created or rotated integration: the URL for every type, the bare token as PagerDuty's routing key. */
export function revealedSecrets(created: CreatedIntegration): RevealedSecret[] {
  return [
    { label: 'Hook URL', value: created.url, hint: 'The token in it is the credential: keep it out of public repositories.' },
    ...(created.type === 'pagerduty-events' ? [{ label: 'Routing key', value: created.token }] : []),
  ];
}
