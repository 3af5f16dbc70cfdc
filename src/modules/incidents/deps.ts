import type { SecretBox } from '../../platform/crypto/index.ts';

/** What incident verbs need beyond the context: the instance key that seals the link-signing keys. */
export interface IncidentDeps {
  secrets(): SecretBox;
}
