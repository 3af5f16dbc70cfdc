import { servicesOf } from '../auth/index.ts';
import type { CustosModule } from '../../platform/module.ts';
import type { Runtime } from '../../platform/runtime.ts';
import type { MonitorFacts, MonitorFactsFactory } from './facts.ts';
import { PublicSite } from './public/public-site.ts';
import { statusPageIncidentRoutes } from './routes/incidents.ts';
import { statusPageRoutes } from './routes/pages.ts';
import { publicStatusRoutes } from './routes/public.ts';
import { statusPageMigrations } from './schema.ts';

export { createStatusPage } from './create-status-page.ts';
export { listStatusPages } from './list-status-pages.ts';
export { getStatusPage } from './get-status-page.ts';
export { updateStatusPage } from './update-status-page.ts';
export { deleteStatusPage } from './delete-status-page.ts';
export { createComponent } from './create-component.ts';
export { listComponents } from './list-components.ts';
export { updateComponent } from './update-component.ts';
export { deleteComponent } from './delete-component.ts';
export { createPageIncident } from './create-page-incident.ts';
export { listPageIncidents } from './list-page-incidents.ts';
export { getPageIncident } from './get-page-incident.ts';
export { updatePageIncident } from './update-page-incident.ts';
export { deletePageIncident } from './delete-page-incident.ts';
export { postIncidentUpdate } from './post-incident-update.ts';
export { listIncidentUpdates } from './list-incident-updates.ts';
export { listLinkedPageIncidents } from './list-linked-page-incidents.ts';
export { createMaintenance } from './create-maintenance.ts';
export { listMaintenance } from './list-maintenance.ts';
export { updateMaintenance } from './update-maintenance.ts';
export { deleteMaintenance } from './delete-maintenance.ts';
export { STATUS_PAGE_ERRORS } from './errors.ts';
export * from './schemas.ts';
export type { MonitorFacts, MonitorFact, DailyUptime, MonitorFactsFactory } from './facts.ts';

/**
 * Publish `{ orgId }` on this topic after changing status pages through the verbs (as the
 * incidents module will), so public pages drop their cached rendering at once.
 */
export const STATUS_PAGES_CHANGED = 'status_pages.changed';
/** The monitors' state-change topic; its payload carries the `orgId`. */
export const MONITOR_STATE_TOPIC = 'monitor.state';

export interface StatusPagesModuleOptions {
  facts: MonitorFactsFactory;
  /** How long a rendered page is served from memory before a refresh; default 5 s. */
  cacheTtlMs?: number;
  /** How long past that a stale rendering is served while refreshing; default 30 s. */
  staleMs?: number;
  /** How often custom domains are re-read (other processes may change them); default 30 s. */
  domainRefreshMs?: number;
}

export function createStatusPagesModule(options: StatusPagesModuleOptions): CustosModule {
  const perRuntime = new WeakMap<Runtime, { site: PublicSite; facts: MonitorFacts }>();
  const wiring = (runtime: Runtime) => {
    let made = perRuntime.get(runtime);
    if (!made) {
      const facts = options.facts(runtime);
      const site = new PublicSite({
        services: servicesOf(runtime),
        facts,
        logger: runtime.logger.child({ component: 'statuspages' }),
        publicUrl: runtime.config.publicUrl,
        ttlMs: options.cacheTtlMs ?? 5000,
        staleMs: options.staleMs ?? 30_000,
      });
      made = { site, facts };
      perRuntime.set(runtime, made);
    }
    return made;
  };
  const changed = (runtime: Runtime) => async (orgId: string) => {
    const { site } = wiring(runtime);
    site.cache.invalidateOrg(orgId);
    await site.reloadDomains();
  };

  return {
    name: 'statuspages',
    migrations: statusPageMigrations,
    routes(api, runtime) {
      statusPageRoutes(api, wiring(runtime).facts, changed(runtime));
      statusPageIncidentRoutes(api, changed(runtime));
    },
    async rootRoutes(app, runtime) {
      const { site } = wiring(runtime);
      const reload = () => site.reloadDomains().catch((err: unknown) => runtime.logger.debug({ err }, 'status page domains not loaded yet'));
      const unsubscribe = [
        runtime.bus.subscribe<{ orgId?: string }>(STATUS_PAGES_CHANGED, (event) => {
          if (event?.orgId) site.cache.invalidateOrg(event.orgId);
          void reload();
        }),
        runtime.bus.subscribe<{ orgId?: string; monitorId?: string; state?: string }>(MONITOR_STATE_TOPIC, (event) => {
          if (event?.orgId) site.cache.markStale(event.orgId, event);
        }),
      ];
      let timer: NodeJS.Timeout | null = null;
      app.addHook('onReady', async () => {
        await reload();
        timer = setInterval(reload, options.domainRefreshMs ?? 30_000);
        timer.unref();
      });
      app.addHook('onClose', async () => {
        if (timer) clearInterval(timer);
        for (const off of unsubscribe) off();
        site.cache.clear();
      });
      await publicStatusRoutes(app, site);
    },
    async start(runtime) {
      await wiring(runtime)
        .site.reloadDomains()
        .catch((err: unknown) => runtime.logger.warn({ err }, 'status page domains not loaded; retrying on the next refresh'));
    },
  };
}
