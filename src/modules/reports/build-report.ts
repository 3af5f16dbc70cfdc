import { assertCan, type Ctx } from '../../platform/context.ts';
import { iso } from './collect.ts';
import { listAllMonitors } from './org-monitors.ts';
import { resolvePeriod } from './period.ts';
import type { Report, ReportQuery } from './schemas.ts';
import { alertSection } from './sections/alerts.ts';
import { changeSection } from './sections/changes.ts';
import { coverageSection } from './sections/coverage.ts';
import { incidentSection } from './sections/incidents.ts';
import { loadMonitorHistories } from './sections/monitor-history.ts';
import { notificationSection } from './sections/notifications.ts';
import { oncallSection } from './sections/oncall.ts';
import { uptimeSection } from './sections/uptime.ts';

/**
 * The organization's report for a period, every figure computed through the owning modules'
 * verbs as `methodology` describes. Needs the `audit` permission: it lists access changes.
 */
export async function buildReport({ ctx, input }: { ctx: Ctx; input: ReportQuery }): Promise<Report> {
  assertCan(ctx, 'audit');
  const now = ctx.clock.now();
  const period = resolvePeriod(input, now);
  const histories = await loadMonitorHistories(ctx, await listAllMonitors(ctx), period);
  return {
    orgId: ctx.orgId,
    generatedAt: iso(now),
    period: { from: iso(period.from), to: iso(period.to), durationMs: period.to - period.from },
    uptime: uptimeSection(histories),
    coverage: coverageSection(histories),
    incidents: await incidentSection(ctx, period),
    alerts: await alertSection(ctx, period),
    notifications: await notificationSection(ctx, period),
    oncall: await oncallSection(ctx, period),
    changes: await changeSection(ctx, period),
  };
}
