import { alertsModule } from '../modules/alerts/index.ts';
import { auditModule } from '../modules/audit/index.ts';
import { authModule, servicesOf } from '../modules/auth/index.ts';
import { createErrorTrackingModule } from '../modules/errortracking/index.ts';
import { createEvidenceModule } from '../modules/evidence/index.ts';
import { createHeartbeatsModule } from '../modules/heartbeats/index.ts';
import { incidentsModule } from '../modules/incidents/index.ts';
import { createIntegrationsModule } from '../modules/integrations/index.ts';
import { createLiveModule } from '../modules/live/index.ts';
import { createMonitorsModule, getUptime, listMonitors, type Monitor } from '../modules/monitors/index.ts';
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
 * Status pages see monitors only through this adapter over the monitors module's verbs. Daily
 * uptime calls `getUptime` per monitor and day (there is no batch daily verb yet): finished days
 * are remembered, today for a minute, and the loop yields between monitors so a page with
 * hundreds of components never holds the event loop for long.
 */
function monitorFacts(runtime: Runtime): MonitorFacts {
  const services = servicesOf(runtime);
  const ctxFor = (orgId: string) => serviceCtx(services, orgId, systemActor('status pages'), 'viewer');
  const finished = new Map<string, { today: number; values: (number | null)[] }>();
  const current = new Map<string, { until: number; value: number | null }>();
  const monitorsOf = async (orgId: string, ids: string[]): Promise<Map<string, Monitor>> => {
    const wanted = new Set(ids);
    const found = new Map<string, Monitor>();
    let cursor: string | undefined;
    while (wanted.size > found.size) {
      const page = await listMonitors({ ctx: ctxFor(orgId), input: { limit: 1000, cursor } });
      for (const m of page.data) if (wanted.has(m.id)) found.set(m.id, m);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return found;
  };
  return {
    async states(orgId, ids) {
      const monitors = await monitorsOf(orgId, ids);
      return new Map([...monitors].map(([id, m]) => [id, { state: m.state, name: m.name }]));
    },
    async dailyUptime(orgId, ids, days, now) {
      const ctx = ctxFor(orgId);
      const today = Math.floor(now / DAY) * DAY;
      const starts = Array.from({ length: days }, (_, i) => today - (days - 1 - i) * DAY);
      const keys = starts.map((from) => new Date(from).toISOString().slice(0, 10));
      const uptime = async (m: Monitor, from: number, to: number) =>
        to <= from || to <= Date.parse(m.createdAt) ? null : (await getUptime({ ctx, id: m.id, input: { from: new Date(from).toISOString(), to: new Date(to).toISOString() } })).uptime;
      const out = new Map<string, { day: string; uptime: number | null }[]>();
      for (const m of (await monitorsOf(orgId, ids)).values()) {
        let past = finished.get(m.id);
        if (!past || past.today !== today || past.values.length !== days - 1) {
          past = { today, values: [] };
          for (const from of starts.slice(0, -1)) past.values.push(await uptime(m, from, from + DAY));
          finished.set(m.id, past);
        }
        let todays = current.get(m.id);
        if (!todays || todays.until <= now) {
          todays = { until: now + 60_000, value: await uptime(m, today, now) };
          current.set(m.id, todays);
        }
        const values = [...past.values, todays.value];
        out.set(m.id, keys.map((day, i) => ({ day, uptime: values[i] })));
        await new Promise((resolve) => setImmediate(resolve));
      }
      return out;
    },
  };
}
