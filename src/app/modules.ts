import { alertsModule } from '../modules/alerts/index.ts';
import { auditModule } from '../modules/audit/index.ts';
import { authModule, servicesOf } from '../modules/auth/index.ts';
import { createErrorTrackingModule } from '../modules/errortracking/index.ts';
import { createEvidenceModule } from '../modules/evidence/index.ts';
import { createHeartbeatsModule } from '../modules/heartbeats/index.ts';
import { incidentsModule } from '../modules/incidents/index.ts';
import { createIntegrationsModule } from '../modules/integrations/index.ts';
import { createLiveModule } from '../modules/live/index.ts';
import { createMonitorsModule, getDailyUptime, listMonitorStates } from '../modules/monitors/index.ts';
import { createNotificationsModule, listChannels, type ChannelRegistry } from '../modules/notifications/index.ts';
import { createOncallModule, type ChannelDirectory, type ChannelRef } from '../modules/oncall/index.ts';
import { reportsModule } from '../modules/reports/index.ts';
import { runbooksModule } from '../modules/runbooks/index.ts';
import { calendarModule } from '../modules/calendar/index.ts';
import { reviewsModule } from '../modules/reviews/index.ts';
import { createStatusPagesModule, type MonitorFacts } from '../modules/statuspages/index.ts';
import { DAY } from '../platform/clock.ts';
import { serviceCtx, systemActor } from '../platform/context.ts';
import type { CustosModule } from '../platform/module.ts';
import type { Runtime } from '../platform/runtime.ts';

/** The composition root: every domain module the process runs, in dependency order. */
export function appModules(): CustosModule[] {
  const monitors = createMonitorsModule();
  const notifications = createNotificationsModule();
  const oncall = createOncallModule({ channels: (runtime) => channelDirectory(runtime, notifications.channels) });
  return [auditModule, authModule, monitors, createHeartbeatsModule({ probes: monitors.probes, presenters: monitors.presenters }), alertsModule, notifications, oncall, createLiveModule(), createStatusPagesModule({ facts: monitorFacts }), incidentsModule, createErrorTrackingModule(), createIntegrationsModule(), runbooksModule, calendarModule, reviewsModule, reportsModule, createEvidenceModule()];
}

/** On-call sees the organization's channels only through this adapter over the notifications module's verbs. */
function channelDirectory(runtime: Runtime, registry: ChannelRegistry): ChannelDirectory {
  const deps = { registry, secrets: () => runtime.secrets() };
  return {
    async list(ctx) {
      const found: ChannelRef[] = [];
      let cursor: string | undefined;
      do {
        const page = await listChannels({ ctx: { ...ctx, role: 'owner' }, input: { limit: 500, cursor }, deps });
        found.push(...page.data.map((c) => ({ id: c.id, name: c.name, type: c.type, enabled: c.enabled })));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return found;
    },
  };
}

/**
 * Status pages see monitors only through this adapter over the monitors module's batch verbs:
 * one query for the states, one batch for 90 days of uptime (day rollups, today from the flips),
 * kept for a minute per page so page refreshes between state changes cost no uptime read.
 */
function monitorFacts(runtime: Runtime): MonitorFacts {
  const services = servicesOf(runtime);
  const ctxFor = (orgId: string) => serviceCtx(services, orgId, systemActor('status pages'), 'viewer');
  const recent = new Map<string, { until: number; value: Map<string, { day: string; uptime: number | null }[]> }>();
  return {
    async states(orgId, ids) {
      return listMonitorStates({ ctx: ctxFor(orgId), monitorIds: ids });
    },
    async dailyUptime(orgId, ids, days, now) {
      const today = Math.floor(now / DAY) * DAY;
      const key = `${orgId} ${today} ${days} ${ids.join(',')}`;
      const hit = recent.get(key);
      if (hit && hit.until > now) return hit.value;
      const from = today - (days - 1) * DAY;
      const daily = await getDailyUptime({ ctx: ctxFor(orgId), monitorIds: ids, from, to: now });
      const value = new Map([...daily].map(([id, list]) => [id, list.map((d) => ({ day: d.day, uptime: d.uptime }))]));
      for (const [k, v] of recent) if (v.until <= now) recent.delete(k);
      if (recent.size >= 1000) recent.clear();
      recent.set(key, { until: now + 60_000, value });
      return value;
    },
  };
}
