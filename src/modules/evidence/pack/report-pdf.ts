import type PDFKitDocument from 'pdfkit';
import { lazyRequire } from '../../../platform/lazy-require.ts';
import type { Report } from '../../reports/index.ts';

// pdfkit (~30 MB of memory) loads with the first pack, not at startup.
const pdfkit = lazyRequire<typeof PDFKitDocument>('pdfkit');

export interface PdfFacts {
  organization: string;
  createdAt: string;
  keyId: string;
  chain: { fromSeq: number | null; toSeq: number | null; events: number; checkpoints: number };
  resultsDays: number;
}

const pct = (r: number | null) => (r === null ? 'no data' : `${(r * 100).toFixed(3)} %`);
const mins = (ms: number | null) => (ms === null ? '-' : `${(ms / 60_000).toFixed(1)} min`);
const hours = (ms: number) => `${(ms / 3_600_000).toFixed(1)} h`;
const BOTTOM = 780;

/** A plain A4 summary of the report, drawn with pdfkit's built-in fonts (no browser). */
export function renderReportPdf(report: Report, facts: PdfFacts): Promise<Buffer> {
  const PDFDocument = pdfkit();
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Custos evidence: ${facts.organization}`, Producer: 'Custos', CreationDate: new Date(facts.createdAt) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const heading = (text: string) => {
    if (doc.y > BOTTOM - 80) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).font('Helvetica').fontSize(9).moveDown(0.3);
  };
  const row = (cells: string[], widths: number[], bold = false) => {
    if (doc.y > BOTTOM) doc.addPage();
    const y = doc.y;
    let x = 50;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    for (const [i, cell] of cells.entries()) {
      doc.text(cell, x, y, { width: widths[i] - 6, lineBreak: false, ellipsis: true });
      x += widths[i];
    }
    doc.x = 50;
    doc.y = y + 12;
  };

  doc.font('Helvetica-Bold').fontSize(18).text('Monitoring evidence report');
  doc.font('Helvetica').fontSize(10).moveDown(0.5);
  doc.text(`Organization: ${facts.organization}`);
  doc.text(`Period: ${report.period.from} to ${report.period.to} (UTC, end exclusive)`);
  doc.text(`Generated: ${facts.createdAt}; signed with Ed25519 key ${facts.keyId}`);
  doc.text(`Audit chain: events ${facts.chain.fromSeq ?? '-'} to ${facts.chain.toSeq ?? '-'} (${facts.chain.events}), ${facts.chain.checkpoints} signed checkpoints, ${facts.resultsDays} committed days of check results`);

  heading('Uptime per service');
  const sw = [170, 80, 70, 60, 60, 55];
  row(['Service', 'Uptime', 'SLA target', 'Meets', 'Down', 'No data'], sw, true);
  for (const s of report.uptime.services) row([s.service, pct(s.uptime), s.slaTarget === null ? '-' : `${s.slaTarget} %`, s.meetsSla === null ? '-' : s.meetsSla ? 'yes' : 'NO', hours(s.downMs), hours(s.noDataMs)], sw);

  heading('Monitoring coverage');
  const t = report.coverage.totals;
  doc.text(`Expected checks ${t.expected}, executed ${t.executed}, missed ${t.missed} (coverage ${pct(t.coverage)}); ${t.gaps} coverage gaps, ${hours(t.gapMs)} in total.`);

  heading('Incidents and alerts by severity');
  const iw = [90, 55, 70, 60, 70, 70, 80];
  row(['Severity', 'Count', 'Acknowledged', 'Resolved', 'MTTA', 'MTTR', 'Met resolution'], iw, true);
  for (const s of [...report.incidents.bySeverity.map((x) => ({ ...x, severity: `incident ${x.severity}` })), ...report.alerts.bySeverity.map((x) => ({ ...x, severity: `alert ${x.severity}` }))]) {
    row([s.severity, String(s.count), String(s.acknowledged), String(s.resolved), mins(s.mttaMs), mins(s.mttrMs), pct(s.metResolution)], iw);
  }

  heading('Notifications and on-call');
  for (const c of report.notifications.byChannelType) doc.text(`${c.channelType}: ${c.delivered} delivered, ${c.failed} failed of ${c.attempts} attempts`);
  for (const s of report.oncall.schedules) doc.text(`Schedule ${s.name}: ${s.uncoveredHours} hours with nobody on call`);
  doc.text(`Configuration and access changes: ${report.changes.total}`);

  heading('Uptime per monitor');
  const mw = [190, 80, 70, 60, 55];
  row(['Monitor', 'Uptime', 'Degraded', 'Down', 'No data'], mw, true);
  for (const m of report.uptime.monitors) row([m.name, pct(m.uptime), pct(m.degradedRatio), hours(m.downMs), hours(m.noDataMs)], mw);

  doc.end();
  return done;
}
