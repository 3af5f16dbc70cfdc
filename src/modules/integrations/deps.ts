import type { SecretBox } from '../../platform/crypto/index.ts';
import type { IntegrationRegistry } from './types/registry.ts';

/** What the integration verbs need beyond their context. */
export interface IntegrationDeps {
  registry: IntegrationRegistry;
  /** Opened only when a secret is written or read. */
  secrets(): SecretBox;
}
