import { recordAudit } from '../audit/index.ts';
import { allOrganizations } from '../auth/index.ts';
import { buildReport, MAX_REPORT_DAYS, renderReportCsv, renderReportHtml } from '../reports/index.ts';
import { DAY } from '../../platform/clock.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { signBytes } from '../../platform/crypto/index.ts';
import { AppError } from '../../platform/errors.ts';
import { csv, chainSegment, digestsCsv } from './pack/collect.ts';
import { MANIFEST, PACK_FORMAT, PUBLIC_KEY, SIGNATURE, sha256, type Manifest } from './pack/manifest.ts';
import { packMethodology } from './pack/methodology.ts';
import { renderReportPdf } from './pack/report-pdf.ts';
import { tarChunks, type PackFile } from './pack/tar.ts';
import { CHECKPOINTS_FILE, EVENTS_FILE, KEYS_FILE, TIMESTAMPS_FILE } from './pack/verify-chain.ts';
import type { DayRange } from './schemas.ts';
import { currentSigningKey } from './signing-keys.ts';
import { checkpointsBetween, iso, loadPublicKeys, timestampsBetween } from './store.ts';
import { eventsBetween } from './chain-reader.ts';
import { RESULTS_DIGEST_ACTION } from './results-digest.ts';
import { digestsIn } from './verify-results-digests.ts';

const invalid = (path: string, message: string) => new AppError('EVIDENCE_RANGE_INVALID', `${path}: ${message}`, { details: { issues: [{ path, message }] } });

/** Whole UTC days, `to` included, clamped to now. */
export function packPeriod(range: DayRange, now: number): { from: number; to: number } {
  const from = Date.parse(`${range.from}T00:00:00Z`);
  const to = Math.min(Date.parse(`${range.to}T00:00:00Z`) + DAY, now);
  if (!(from < to)) throw invalid('from', 'the period must start before it ends and before now');
  if (to - from > MAX_REPORT_DAYS * DAY) throw invalid('to', `a pack spans at most ${MAX_REPORT_DAYS} days`);
  return { from, to };
}

export interface EvidencePack {
  /** The archive in pieces, to be written or streamed without joining them. */
  chunks: Buffer[];
  bytes: number;
  manifest: Manifest;
  fileName: string;
}

const text = (path: string, content: string): PackFile => ({ path, content: Buffer.from(content, 'utf8') });
const jsonFile = (path: string, value: unknown) => text(path, `${JSON.stringify(value, null, 2)}\n`);

/** The chain segment, its checkpoints and the day digests of the period, as files; the parsed events stay in here. */
async function chainFiles(reader: Ctx, from: number, to: number): Promise<{ files: PackFile[]; chain: Manifest['chain']; resultsDays: number }> {
  const events = await chainSegment(reader, from, to);
  const checkpoints = await checkpointsBetween(reader.db, reader.orgId, from, to);
  // A day's digest is recorded the next morning: the last days' lie just past the segment.
  const digests = digestsIn([...events, ...(await eventsBetween(reader, to, to + 2 * DAY, RESULTS_DIGEST_ACTION))], from, to - 1);
  const files = [
    jsonFile('data/results-digests.json', digests.map((d) => ({ day: d.day, digest: d.digest, results: d.results, monitors: Object.keys(d.monitors).length }))),
    text('data/results-digests.csv', digestsCsv(digests)),
    text(EVENTS_FILE, events.map((e) => `${JSON.stringify(e)}\n`).join('')),
    jsonFile(CHECKPOINTS_FILE, checkpoints),
    jsonFile(TIMESTAMPS_FILE, await timestampsBetween(reader.db, reader.orgId, from, to)),
  ];
  const chain = { fromSeq: events[0]?.seq ?? null, toSeq: events.at(-1)?.seq ?? null, events: events.length, checkpoints: checkpoints.length };
  return { files, chain, resultsDays: digests.length };
}

/**
 * One signed archive of the period's evidence: the report (HTML, PDF, CSV, JSON), the audit-chain
 * segment with its checkpoints and keys, the committed result digests, the methodology, and a
 * manifest of SHA-256s signed with the instance key. The export itself is audited.
 */
export async function exportEvidencePack({ ctx, input }: { ctx: Ctx; input: DayRange }): Promise<EvidencePack> {
  assertCan(ctx, 'audit');
  const now = ctx.clock.now();
  const { from, to } = packPeriod(input, now);
  const org = (await allOrganizations(ctx.db)).find((o) => o.id === ctx.orgId) ?? { id: ctx.orgId, slug: ctx.orgId };
  const reader: Ctx = { ...ctx, role: 'auditor' };
  const report = await buildReport({ ctx: reader, input: { from: iso(from), to: iso(to) } });
  const key = await currentSigningKey(ctx.db, ctx.config.dataDir, now);
  const { files: chainData, chain, resultsDays } = await chainFiles(reader, from, to);
  const files: PackFile[] = [
    text('report.html', renderReportHtml(report, { title: `Evidence report: ${org.slug}` })),
    { path: 'report.pdf', content: await renderReportPdf(report, { organization: org.slug, createdAt: iso(now), keyId: key.keyId, chain, resultsDays }) },
    text('methodology.md', packMethodology),
    jsonFile('data/report.json', report),
    text('data/report.csv', renderReportCsv(report)),
    text('data/uptime-monitors.csv', csv(['monitorId', 'name', 'service', 'uptime', 'degradedRatio', 'upMs', 'degradedMs', 'downMs', 'maintenanceMs', 'pausedMs', 'noDataMs'], report.uptime.monitors.map((m) => [m.monitorId, m.name, m.service, m.uptime, m.degradedRatio, m.upMs, m.degradedMs, m.downMs, m.maintenanceMs, m.pausedMs, m.noDataMs]))),
    ...chainData,
    jsonFile(KEYS_FILE, await loadPublicKeys(ctx.db)),
  ];
  const manifest: Manifest = {
    format: PACK_FORMAT,
    version: 1,
    organization: { id: org.id, slug: org.slug },
    period: { from: iso(from), to: iso(to) },
    createdAt: iso(now),
    keyId: key.keyId,
    chain,
    files: files.map((f) => ({ path: f.path, bytes: f.content.length, sha256: sha256(f.content) })),
  };
  const manifestFile = jsonFile(MANIFEST, manifest);
  files.push(manifestFile, text(SIGNATURE, `${signBytes(key, manifestFile.content)}\n`), text(PUBLIC_KEY, key.publicKeyPem));
  const chunks = await tarChunks(files, new Date(now));
  const bytes = chunks.reduce((n, c) => n + c.length, 0);
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, { action: 'evidence_pack.export', subject: { type: 'evidence_pack', id: `${manifest.period.from}/${manifest.period.to}` }, data: { period: manifest.period, manifestSha256: sha256(manifestFile.content), bytes } }),
  );
  return { chunks, bytes, manifest, fileName: `custos-evidence-${org.slug}-${input.from}-${input.to}.tar` };
}
