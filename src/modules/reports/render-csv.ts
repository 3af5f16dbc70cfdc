import type { Report } from './schemas.ts';

type Row = [section: string, subject: string, metric: string, value: unknown];

const field = (v: unknown) => {
  const text = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const metrics = (section: string, subject: string, object: Record<string, unknown>, keys: string[]): Row[] => keys.map((k) => [section, subject, k, object[k]]);

const SEVERITY = ['count', 'acknowledged', 'resolved', 'mttaMs', 'mttrMs', 'metResponse', 'metResolution'];
const UPTIME = ['uptime', 'slaTarget', 'meetsSla', 'degradedRatio', 'upMs', 'degradedMs', 'downMs', 'maintenanceMs', 'pausedMs', 'noDataMs'];

/** The report's figures in long form (section, subject, metric, value), one figure a line, RFC 4180 quoting. */
export function renderReportCsv(r: Report): string {
  const rows: Row[] = [
    ['period', '', 'from', r.period.from],
    ['period', '', 'to', r.period.to],
    ...r.uptime.monitors.flatMap((m) => metrics('uptime.monitor', m.name, m, ['monitorId', 'service', ...UPTIME])),
    ...r.uptime.services.flatMap((s) => metrics('uptime.service', s.service, s, UPTIME)),
    ...r.coverage.monitors.flatMap((m) => [...metrics('coverage.monitor', m.name, m, ['expected', 'executed', 'missed', 'coverage']), ['coverage.monitor', m.name, 'gaps', m.gaps.length] as Row]),
    ...r.coverage.monitors.flatMap((m) => m.gaps.map((g): Row => ['coverage.gap', m.name, g.cause, `${g.from}/${g.to} missed ${g.missedChecks}`])),
    ...r.incidents.bySeverity.flatMap((s) => metrics('incidents', s.severity, s, SEVERITY)),
    ...metrics('incidents.reviews', '', r.incidents.reviews, ['required', 'done', 'doneOnTime', 'overdue', 'missing', 'onTimeRatio']),
    ...r.alerts.bySeverity.flatMap((s) => metrics('alerts', s.severity, s, SEVERITY)),
    ...r.notifications.byChannelType.flatMap((t) => metrics('notifications.receipts', t.channelType, t, ['attempts', 'delivered', 'failed', 'retrying', 'skipped', 'latencyP50Ms', 'latencyP95Ms'])),
    ...r.notifications.channels.flatMap((c) => metrics('notifications.tests', c.name, c, ['type', 'testsInPeriod', 'testsDelivered', 'lastTestAt', 'lastTestStatus'])),
    ...r.oncall.schedules.flatMap((s) => metrics('oncall.schedule', s.name, s, ['uncoveredHours', 'uncoveredMs', 'coveredMs'])),
    ...Object.entries(r.changes.byKind).map(([kind, count]): Row => ['changes.kind', kind, 'count', count]),
    ...r.changes.byAction.map((a): Row => ['changes.action', a.action, 'count', a.count]),
    ...r.changes.events.map((e): Row => ['changes.event', e.subject, e.action, `${e.at} ${e.actor}`]),
  ];
  return ['section,subject,metric,value', ...rows.map((row) => row.map(field).join(','))].join('\r\n') + '\r\n';
}
