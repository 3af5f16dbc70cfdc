import type { SecretBox } from '../../platform/crypto/index.ts';

/** What incident verbs need beyond the context. */
export interface IncidentDeps {
  /** The instance key that seals the link-signing keys. */
  secrets(): SecretBox;
  /** Told after a verb changed the organization's status pages, so public pages refresh at once. */
  pagesChanged?(orgId: string): void;
}
