import { describe, expect, it } from 'vitest';
import { renderReportCsv } from './render-csv.ts';
import { renderReportHtml } from './render-html.ts';
import type { Report } from './schemas.ts';

const HOSTILE = '<img src=x onerror="alert(1)">, "quoted"';
const durations = { upMs: 3_600_000, degradedMs: 0, downMs: 0, maintenanceMs: 0, pausedMs: 0, noDataMs: 0 };

const report: Report = {
  orgId: 'org',
  generatedAt: '2026-03-02T00:00:00.000Z',
  period: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z', durationMs: 86_400_000 },
  uptime: {
    monitors: [{ monitorId: 'm1', name: HOSTILE, type: 'http', service: HOSTILE, slaTarget: 99.9, uptime: 1, degradedRatio: 0, meetsSla: true, ...durations }],
    services: [{ service: HOSTILE, monitorIds: ['m1'], slaTarget: 99.9, uptime: 1, degradedRatio: 0, meetsSla: true, ...durations }],
  },
  coverage: { monitors: [], totals: { expected: 0, executed: 0, missed: 0, coverage: null, gaps: 0, gapMs: 0 }, gapsByCause: {} },
  incidents: { source: 'incidents', bySeverity: [], reviews: { required: 0, done: 0, doneOnTime: 0, overdue: 0, missing: 0, onTimeRatio: null } },
  alerts: { bySeverity: [] },
  notifications: { byChannelType: [], channels: [] },
  oncall: { schedules: [], escalationPolicies: 0 },
  changes: { total: 0, byKind: { access: 0, configuration: 0, operations: 0 }, byAction: [], events: [], truncated: false },
};

describe('renderReportHtml', () => {
  it('escapes every name it prints, in tables and in charts', () => {
    const html = renderReportHtml(report);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).not.toMatch(/<script/i);
  });
});

describe('renderReportCsv', () => {
  it('quotes fields holding commas and quotes (RFC 4180)', () => {
    const csv = renderReportCsv(report);
    expect(csv).toContain(`uptime.monitor,"<img src=x onerror=""alert(1)"">, ""quoted""",uptime,1\r\n`);
  });
});
