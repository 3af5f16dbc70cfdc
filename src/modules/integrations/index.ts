import type { CustosModule } from '../../platform/module.ts';
import type { Runtime } from '../../platform/runtime.ts';
import type { IntegrationDeps } from './deps.ts';
import { hookRoutes } from './hook-routes.ts';
import { PRUNE_DELIVERIES_JOB, pruneDeliveries } from './prune-deliveries.ts';
import { integrationRoutes } from './routes.ts';
import { integrationMigrations } from './schema.ts';
import { createDefaultIntegrationRegistry, type IntegrationRegistry } from './types/registry.ts';
import { reencryptColumn } from '../../platform/crypto/index.ts';

export { createIntegration } from './create-integration.ts';
export { updateIntegration } from './update-integration.ts';
export { deleteIntegration } from './delete-integration.ts';
export { getIntegration } from './get-integration.ts';
export { listIntegrations } from './list-integrations.ts';
export { listIntegrationFacts, type IntegrationFact } from './list-integration-facts.ts';
export { listIntegrationTypes } from './list-integration-types.ts';
export { rotateIntegrationToken } from './rotate-integration-token.ts';
export { listDeliveries } from './list-deliveries.ts';
export { pruneDeliveries, PRUNE_DELIVERIES_JOB, DELIVERIES_KEPT } from './prune-deliveries.ts';
export { receiveDelivery, type ReceiveDeliveryInput, type ReceivedDelivery } from './receive-delivery.ts';
export { INTEGRATION_ERRORS } from './errors.ts';
export { IntegrationRegistry, createDefaultIntegrationRegistry, type AnyIntegrationType } from './types/registry.ts';
export type { IntegrationType, HookRequest, AlertChange, ParsedDelivery, DeliveryReport, Rejection } from './types/types.ts';
export type { IntegrationDeps } from './deps.ts';
export * from './schemas.ts';

export interface IntegrationsModuleOptions {
  registry?: IntegrationRegistry;
}

/** Inbound integrations: Alertmanager, GitHub Actions, PagerDuty Events v2 and JSON webhooks raise and resolve alerts. */
export function createIntegrationsModule(options: IntegrationsModuleOptions = {}): CustosModule & { registry: IntegrationRegistry } {
  const registry = options.registry ?? createDefaultIntegrationRegistry();
  const depsOf = (runtime: Runtime): IntegrationDeps => ({ registry, secrets: () => runtime.secrets() });
  return {
    name: 'integrations',
    registry,
    migrations: integrationMigrations,
    registerJobs(runner) {
      runner.register<{ integrationId: string }>(PRUNE_DELIVERIES_JOB, async ({ job, db }) => {
        await pruneDeliveries(db, job.payload.integrationId);
      });
    },
    routes: (api, runtime) => integrationRoutes(api, depsOf(runtime), runtime.config.publicUrl),
    rootRoutes: (app, runtime) => hookRoutes(app, runtime, depsOf(runtime)),
    rotateSecrets: (runtime, box) => reencryptColumn(runtime.db, 'integrations', 'secrets', box),
  };
}
