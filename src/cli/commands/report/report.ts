import { writeFileSync } from 'node:fs';
import { buildReport, renderReportCsv, renderReportHtml } from '../../../modules/reports/index.ts';
import { ValidationError } from '../../../platform/errors.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { withRuntime } from '../../with-runtime.ts';

const FORMATS = ['json', 'html', 'csv'] as const;

export const reportCommand: Command = {
  verb: 'report',
  summary: 'Build the report for a period (uptime vs SLA, coverage, incidents, receipts, on-call, changes) as JSON, HTML or CSV',
  options: {
    org: { type: 'string', required: true, description: 'Organization slug' },
    from: { type: 'string', required: true, description: 'Start, inclusive: a date (2026-03-01, midnight UTC) or an ISO 8601 time' },
    to: { type: 'string', required: true, description: 'End, exclusive (clamped to now); at most 366 days after --from' },
    format: { type: 'string', description: 'json (default), html or csv' },
    out: { type: 'string', description: 'Write to this file instead of stdout' },
  },
  async run({ config, options, io }) {
    const format = String(options.format ?? 'json');
    if (!(FORMATS as readonly string[]).includes(format)) throw new ValidationError([{ path: 'format', message: 'json, html or csv' }]);
    const report = await withRuntime(config(), async (runtime) => buildReport({ ctx: await orgContext(runtime, String(options.org)), input: { from: String(options.from), to: String(options.to) } }));
    const text = format === 'html' ? renderReportHtml(report) : format === 'csv' ? renderReportCsv(report) : `${JSON.stringify({ data: report }, null, 2)}\n`;
    if (options.out) {
      writeFileSync(String(options.out), text);
      io.stderr(`wrote ${format} report for ${report.period.from} – ${report.period.to} to ${String(options.out)}`);
    } else io.stdout(text.trimEnd());
    return 0;
  },
};
