import { fieldIssues, ValidationError } from '../../../platform/errors.ts';
import { alertmanagerIntegration } from './alertmanager.ts';
import { githubActionsIntegration } from './github-actions.ts';
import { pagerDutyEventsIntegration } from './pagerduty-events.ts';
import type { IntegrationType } from './types.ts';
import { webhookIntegration } from './webhook.ts';

// Settings are checked against the type's own schema, so the registry holds any S.
export type AnyIntegrationType = IntegrationType<any>;

export class IntegrationRegistry {
  readonly #types = new Map<string, AnyIntegrationType>();

  register<S>(type: IntegrationType<S>): this {
    if (this.#types.has(type.type)) throw new Error(`integration type "${type.type}" is registered twice`);
    this.#types.set(type.type, type);
    return this;
  }

  find(type: string): AnyIntegrationType | undefined {
    return this.#types.get(type);
  }

  /** Throws VALIDATION_FAILED naming the field `type` for an unknown type. */
  get(type: string): AnyIntegrationType {
    const found = this.#types.get(type);
    if (!found) throw new ValidationError([{ path: 'type', message: `unknown integration type "${type}"; known types: ${[...this.#types.keys()].join(', ')}` }]);
    return found;
  }

  list(): AnyIntegrationType[] {
    return [...this.#types.values()];
  }

  /** Settings with defaults applied, or VALIDATION_FAILED with every issue under `settings.<field>`. */
  parseSettings(type: string, raw: unknown): Record<string, unknown> {
    const parsed = this.get(type).settingsSchema.safeParse(raw);
    if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues, 'settings'));
    return parsed.data as Record<string, unknown>;
  }
}

export function createDefaultIntegrationRegistry(): IntegrationRegistry {
  return new IntegrationRegistry().register(alertmanagerIntegration).register(githubActionsIntegration).register(pagerDutyEventsIntegration).register(webhookIntegration);
}
