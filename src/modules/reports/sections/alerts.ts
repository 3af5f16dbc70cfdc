import { listAlerts, type Alert } from '../../alerts/index.ts';
import { HOUR, MINUTE } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { allPages, iso, mean, ratio } from '../collect.ts';
import type { Period } from '../period.ts';
import type { AlertSection, SeverityStats } from '../schemas.ts';

/** Response (acknowledge) and resolution targets per alert severity; incidents carry their own SLA clocks. */
export const RESPONSE_TARGETS: Record<string, { responseMs: number | null; resolutionMs: number | null }> = {
  critical: { responseMs: 15 * MINUTE, resolutionMs: 4 * HOUR },
  error: { responseMs: 30 * MINUTE, resolutionMs: 24 * HOUR },
  warning: { responseMs: 4 * HOUR, resolutionMs: 72 * HOUR },
  info: { responseMs: null, resolutionMs: null },
};
const SEVERITIES = ['critical', 'error', 'warning', 'info'];

const start = (a: Alert) => Date.parse(a.startsAt);

function statsOf(severity: string, alerts: Alert[]): SeverityStats {
  const target = RESPONSE_TARGETS[severity] ?? { responseMs: null, resolutionMs: null };
  const ackTimes = alerts.filter((a) => a.acknowledgedAt).map((a) => Date.parse(a.acknowledgedAt!) - start(a));
  const resolveTimes = alerts.filter((a) => a.status === 'resolved' && a.endsAt).map((a) => Date.parse(a.endsAt!) - start(a));
  const within = (times: number[], limit: number | null) => (limit === null ? null : ratio(times.filter((t) => t <= limit).length, alerts.length));
  return {
    severity,
    count: alerts.length,
    acknowledged: ackTimes.length,
    resolved: resolveTimes.length,
    mttaMs: mean(ackTimes),
    mttrMs: mean(resolveTimes),
    responseTargetMs: target.responseMs,
    resolutionTargetMs: target.resolutionMs,
    metResponse: within(ackTimes, target.responseMs),
    metResolution: within(resolveTimes, target.resolutionMs),
  };
}

/** Alerts that started in the period, by severity: firing → acknowledged → resolved times. */
export async function alertSection(ctx: Ctx, period: Period): Promise<AlertSection> {
  const all = await allPages((cursor) => listAlerts({ ctx, input: { from: iso(period.from), to: iso(period.to), limit: 500, cursor } }));
  const started = all.filter((a) => Date.parse(a.startsAt) >= period.from && Date.parse(a.startsAt) < period.to);
  const severities = [...new Set([...SEVERITIES, ...started.map((a) => a.severity)])];
  return { bySeverity: severities.map((s) => statsOf(s, started.filter((a) => a.severity === s))) };
}
