import { renderMarkdown } from '../../platform/markdown.ts';
import { barChart, uptimeScale } from './charts.ts';
import { escapeHtml } from './html-escape.ts';
import { methodology } from './methodology.ts';
import type { MonitorUptime, Report, ServiceUptime, SeverityStats } from './schemas.ts';

const pct = (v: number | null, digits = 3) => (v === null ? '—' : `${(v * 100).toFixed(digits)}%`);
const hours = (ms: number) => `${(ms / 3_600_000).toFixed(2)} h`;
const minutes = (ms: number | null) => (ms === null ? '—' : `${(ms / 60_000).toFixed(1)} min`);
const cell = (v: unknown) => `<td>${escapeHtml(v === null || v === undefined ? '—' : String(v))}</td>`;
const verdict = (v: boolean | null) => (v === null ? '—' : v ? 'met' : 'MISSED');

function table(head: string[], rows: unknown[][]): string {
  if (rows.length === 0) return '<p class="none">None in this period.</p>';
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody></table>`;
}

function uptimeChart(title: string, items: (MonitorUptime | ServiceUptime)[], label: (i: MonitorUptime | ServiceUptime) => string): string {
  const { floor, scale } = uptimeScale(items.map((i) => i.uptime));
  return barChart(
    `${title} (axis from ${pct(floor, 0)} to 100%; the black mark is the SLA target)`,
    items.map((i) => ({
      label: label(i),
      value: scale(i.uptime),
      text: pct(i.uptime),
      target: i.slaTarget === null ? null : scale(i.slaTarget / 100),
      tone: i.meetsSla === false ? ('bad' as const) : ('good' as const),
    })),
  );
}

const uptimeRow = (name: string, u: MonitorUptime | ServiceUptime) => [name, pct(u.uptime), u.slaTarget === null ? '—' : `${u.slaTarget}%`, verdict(u.meetsSla), pct(u.degradedRatio), hours(u.downMs), hours(u.maintenanceMs), hours(u.noDataMs)];
const SEVERITY_HEAD = ['severity', 'count', 'MTTA', 'MTTR', 'response target met', 'resolution target met'];
const severityRow = (s: SeverityStats) => [s.severity, s.count, minutes(s.mttaMs), minutes(s.mttrMs), pct(s.metResponse, 1), pct(s.metResolution, 1)];
const UPTIME_HEAD = ['name', 'uptime', 'SLA', 'SLA met', 'degraded', 'down', 'maintenance', 'no data'];

function sections(r: Report): string[] {
  const maxUncovered = Math.max(1, ...r.oncall.schedules.map((s) => s.uncoveredMs));
  return [
    '<h2>Uptime per service</h2>',
    uptimeChart('Uptime per service', r.uptime.services, (s) => (s as ServiceUptime).service),
    table(UPTIME_HEAD, r.uptime.services.map((s) => uptimeRow(s.service, s))),
    '<h2>Uptime per monitor</h2>',
    uptimeChart('Uptime per monitor', r.uptime.monitors, (m) => (m as MonitorUptime).name),
    table(UPTIME_HEAD, r.uptime.monitors.map((m) => uptimeRow(m.name, m))),
    '<h2>Monitoring coverage</h2>',
    `<p>${r.coverage.totals.executed} of ${r.coverage.totals.expected} expected checks executed (${pct(r.coverage.totals.coverage, 2)}); ${r.coverage.totals.gaps} coverage gaps, ${hours(r.coverage.totals.gapMs)}.</p>`,
    barChart('Executed share of expected checks per monitor (red with a coverage gap)', r.coverage.monitors.map((m) => ({ label: m.name, value: m.coverage, text: pct(m.coverage, 2), tone: m.gaps.length ? ('bad' as const) : ('good' as const) }))),
    table(['monitor', 'interval s', 'expected', 'executed', 'missed', 'coverage', 'gaps'], r.coverage.monitors.map((m) => [m.name, m.intervalS, m.expected, m.executed, m.missed, pct(m.coverage, 2), m.gaps.length])),
    table(['monitor', 'gap from', 'to', 'missed checks', 'cause'], r.coverage.monitors.flatMap((m) => m.gaps.map((g) => [m.name, g.from, g.to, g.missedChecks, g.cause]))),
    '<h2>Incidents by severity</h2>',
    table(SEVERITY_HEAD, r.incidents.bySeverity.map(severityRow)),
    `<p class="note">Post-incident reviews: ${r.incidents.reviews.required} required, ${r.incidents.reviews.done} filed, ${r.incidents.reviews.doneOnTime} on time, ${r.incidents.reviews.overdue} overdue, ${r.incidents.reviews.missing} never opened.</p>`,
    '<h2>Alerts by severity</h2>',
    table(SEVERITY_HEAD, r.alerts.bySeverity.map(severityRow)),
    '<h2>Notification receipts</h2>',
    barChart('Delivered share of send attempts per channel type (red when a delivery failed)', r.notifications.byChannelType.map((t) => ({ label: t.channelType, value: t.attempts ? t.delivered / t.attempts : null, text: `${t.delivered}/${t.attempts} delivered`, tone: t.failed > 0 ? ('bad' as const) : ('good' as const) }))),
    table(['channel type', 'attempts', 'delivered', 'failed', 'retrying', 'skipped', 'p50', 'p95'], r.notifications.byChannelType.map((t) => [t.channelType, t.attempts, t.delivered, t.failed, t.retrying, t.skipped, t.latencyP50Ms === null ? null : `${t.latencyP50Ms} ms`, t.latencyP95Ms === null ? null : `${t.latencyP95Ms} ms`])),
    '<h2>Channel tests</h2>',
    table(['channel', 'type', 'enabled', 'tests in period', 'delivered', 'last test', 'last result'], r.notifications.channels.map((c) => [c.name, c.type, c.enabled, c.testsInPeriod, c.testsDelivered, c.lastTestAt ?? 'never', c.lastTestStatus])),
    `<h2>On-call coverage</h2><p>${r.oncall.escalationPolicies} escalation policies.</p>`,
    barChart('Hours with nobody on call', r.oncall.schedules.map((s) => ({ label: s.name, value: s.uncoveredMs / maxUncovered, text: `${s.uncoveredHours} h`, tone: s.uncoveredMs > 0 ? ('bad' as const) : ('good' as const) }))),
    table(['schedule', 'hours uncovered', 'covered'], r.oncall.schedules.map((s) => [s.name, s.uncoveredHours, hours(s.coveredMs)])),
    `<h2>Configuration and access changes</h2><p>${r.changes.total} audit events: ${r.changes.byKind.configuration} configuration, ${r.changes.byKind.access} access, ${r.changes.byKind.operations} operations${r.changes.truncated ? ' (the latest 5,000 listed)' : ''}.</p>`,
    table(['action', 'kind', 'count'], r.changes.byAction.map((a) => [a.action, a.kind, a.count])),
    table(['seq', 'at', 'actor', 'action', 'kind', 'subject'], r.changes.events.map((e) => [e.seq, e.at, e.actor, e.action, e.kind, e.subject])),
  ];
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;color:#24292f;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de;break-after:avoid}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:12px}th,td{border:1px solid #d0d7de;padding:3px 6px;text-align:left}
th{background:#f6f8fa}tr{break-inside:avoid}figure{margin:.5rem 0}figcaption{font-size:12px;color:#57606a}.note,.none{color:#57606a}
.methodology{break-before:page}@media print{body{margin:0;max-width:none}}`;

/** The report as one self-contained printable page: inline CSS and SVG, no scripts, no external assets. */
export function renderReportHtml(report: Report, options: { title?: string } = {}): string {
  const title = options.title ?? `Custos report ${report.period.from.slice(0, 10)} – ${report.period.to.slice(0, 10)}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<p>Period [${escapeHtml(report.period.from)}, ${escapeHtml(report.period.to)}), generated ${escapeHtml(report.generatedAt)}. All times UTC; see the methodology for how each figure is computed.</p>
${sections(report).join('\n')}
<section class="methodology">${renderMarkdown(methodology)}</section>
</body></html>
`;
}
