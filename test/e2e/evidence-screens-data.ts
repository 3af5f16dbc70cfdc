import { servicesOf } from '../../src/modules/auth/index.ts';
import { commitResultsDigest, detectDrift, evidenceHourSteps, runEvidenceHour } from '../../src/modules/evidence/index.ts';
import type { CheckResultsTable, MonitorState } from '../../src/modules/monitors/schema.ts';
import type { Runtime } from '../../src/platform/runtime.ts';
import { DAY, HOUR, MINUTE } from '../../src/platform/clock.ts';
import { orgCtx } from '../helpers/auth.ts';
import type { Api } from '../helpers/dashboard.ts';
import { insertFlips, insertGap, insertMonitors, insertResults, monitorRow, result, type FlipSpec } from '../history-fixtures.ts';
import { insertReceipt } from '../reports-fixtures.ts';

const INTERVAL_S = 300;

interface SeedMonitor {
  name: string;
  type: string;
  settings: Record<string, unknown>;
  labels: Record<string, string>;
  /** [days ago, state] from the monitor's creation 45 days ago; paused half an hour ago. */
  spans: Array<[number, MonitorState]>;
  gap?: { daysAgo: number; minutes: number; cause: 'process_down' | 'overload' };
}

const MONITORS: SeedMonitor[] = [
  {
    name: 'Checkout API',
    type: 'http',
    settings: { url: 'https://shop.example.com/api/health', method: 'GET' },
    labels: { service: 'checkout', sla: '99.9' },
    spans: [[45, 'up'], [20, 'maintenance'], [19.83, 'up'], [12, 'down'], [11.875, 'up'], [5, 'degraded'], [4.96, 'up']],
  },
  {
    name: 'Checkout database',
    type: 'tcp',
    settings: { host: 'db.internal', port: 5432 },
    labels: { service: 'checkout', sla: '99.9' },
    spans: [[45, 'up']],
    gap: { daysAgo: 8, minutes: 120, cause: 'process_down' },
  },
  {
    name: 'Login page',
    type: 'http',
    settings: { url: 'https://login.example.com/', method: 'GET' },
    labels: { service: 'auth', sla: '99.5' },
    spans: [[45, 'up'], [3.2, 'down'], [3.19, 'up']],
    gap: { daysAgo: 3, minutes: 40, cause: 'overload' },
  },
  {
    name: 'Search cluster',
    type: 'tcp',
    settings: { host: 'search.internal', port: 9200 },
    labels: { service: 'search' },
    spans: [[45, 'up']],
  },
];

/** Monitors with 45 days of flips, a result every 5 minutes for the last 31 days, and coverage gaps. */
async function seedMonitors(runtime: Runtime, orgId: string, now: number): Promise<void> {
  for (const spec of MONITORS) {
    const created = now - 45 * DAY;
    const row = { ...monitorRow(orgId, created, { name: spec.name, intervalS: INTERVAL_S, state: 'paused' }), type: spec.type, settings: JSON.stringify(spec.settings), labels: JSON.stringify(spec.labels) };
    await insertMonitors(runtime.db, [row]);
    const timeline: Array<[number, MonitorState]> = [...spec.spans.map(([d, s]): [number, MonitorState] => [now - d * DAY, s]), [now - 30 * MINUTE, 'paused']];
    const flips: FlipSpec[] = timeline.map(([at, to], i) => ({ at, from: i === 0 ? 'pending' : timeline[i - 1][1], to }));
    await insertFlips(runtime.db, orgId, row.id, flips);
    const gap = spec.gap ? { from: now - spec.gap.daysAgo * DAY, to: now - spec.gap.daysAgo * DAY + spec.gap.minutes * MINUTE } : null;
    if (spec.gap && gap) await insertGap(runtime.db, orgId, row.id, gap.from, gap.to, spec.gap.minutes / 5, spec.gap.cause);
    const rows: CheckResultsTable[] = [];
    for (let at = now - 31 * DAY; at < now - 30 * MINUTE; at += INTERVAL_S * 1000) {
      const state = timeline.findLast(([t]) => t <= at)?.[1];
      if (state !== 'up' && state !== 'down' && state !== 'degraded') continue;
      if (gap && at >= gap.from && at < gap.to) continue;
      rows.push(result(orgId, row.id, at, state, state === 'down' ? 10_000 : state === 'degraded' ? 1800 : 140));
    }
    await insertResults(runtime.db, rows);
  }
}

/** Two channels (one never tested) with receipts, and three incidents worked through. */
async function seedResponse(runtime: Runtime, api: Api, orgSlug: string, now: number): Promise<void> {
  const ctx = await orgCtx(runtime, orgSlug);
  const slack = (await api('POST', '/channels', { name: 'Slack #ops', type: 'slack', settings: { webhookUrl: 'https://hooks.slack.example.com/services/T0/B0/x' } })).json;
  const mail = (await api('POST', '/channels', { name: 'Ops mailbox', type: 'email', settings: { host: 'smtp.example.com', from: 'custos@example.com', to: ['ops@example.com'] } })).json;
  if (!slack?.id || !mail?.id) throw new Error(`channels not created: ${JSON.stringify([slack, mail])}`);
  for (let i = 0; i < 40; i++) await insertReceipt(runtime.db, ctx, slack, now - (i + 1) * 17 * HOUR, i % 13 === 5 ? 'failed' : 'delivered', 180 + ((i * 37) % 400));
  for (let i = 0; i < 12; i++) await insertReceipt(runtime.db, ctx, mail, now - (i + 1) * 50 * HOUR, i === 3 ? 'retrying' : 'delivered', 900 + i * 60);
  await insertReceipt(runtime.db, ctx, slack, now - 2 * DAY, 'delivered', 210, true);
  const incidents: Array<[string, string, number, number, number | null]> = [
    ['Checkout returns 502', 'P1', 3 * DAY, 6 * MINUTE, 52 * MINUTE],
    ['Login slow in eu-west', 'P2', 9 * DAY, 38 * MINUTE, 5 * HOUR],
    ['Search index lagging', 'P3', 2 * DAY, 2 * HOUR, null],
  ];
  for (const [title, severity, ago, tta, ttr] of incidents) {
    const incident = (await api('POST', '/incidents', { title, severity })).json;
    await api('POST', `/incidents/${incident.id}/ack`, {});
    if (ttr !== null) await api('POST', `/incidents/${incident.id}/resolve`, {});
    await backdateIncident(runtime, incident.id, ago, tta, ttr);
  }
}

/** Moves an incident worked through just now back in time, acknowledged after `tta` and resolved after `ttr`. */
async function backdateIncident(runtime: Runtime, id: string, ago: number, tta: number, ttr: number | null): Promise<void> {
  const db = runtime.db.withTables<{ incidents: { id: string; triggered_at: number; created_at: number; response_due_at: number; resolution_due_at: number; acknowledged_at: number | null; resolved_at: number | null } }>();
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const triggered = Number(row.triggered_at) - ago;
  await db
    .updateTable('incidents')
    .set({ triggered_at: triggered, created_at: triggered, response_due_at: Number(row.response_due_at) - ago, resolution_due_at: Number(row.resolution_due_at) - ago, acknowledged_at: triggered + tta, resolved_at: ttr === null ? null : triggered + ttr })
    .where('id', '=', id)
    .execute();
}

/** A directory witness that accepts checkpoints and an HTTP one whose endpoint refuses connections. */
async function seedWitnesses(api: Api, dir: string): Promise<void> {
  await api('POST', '/evidence/witnesses', { name: 'Evidence share', type: 'directory', settings: { path: dir } });
  await api('POST', '/evidence/witnesses', { name: 'Transparency log', type: 'http', settings: { url: 'http://127.0.0.1:9/checkpoints' } });
}

/** Everything the evidence screens show, for the organization `orgSlug`. */
export async function seedEvidence(runtime: Runtime, api: Api, orgSlug: string, witnessDir: string): Promise<void> {
  const now = Date.now();
  const ctx = await orgCtx(runtime, orgSlug);
  await seedMonitors(runtime, ctx.orgId, now);
  await seedResponse(runtime, api, orgSlug, now);
  await seedWitnesses(api, witnessDir);
  await commitResultsDigest({ ctx });
  await runEvidenceHour(servicesOf(runtime), Math.floor(now / HOUR) * HOUR, evidenceHourSteps);
}

/** Edits an audit event and yesterday's first hour of results behind the chain's back and lets drift detection find it; no witness has published for days. */
export async function tamperChain(runtime: Runtime, orgSlug: string, seq: number): Promise<void> {
  const ctx = await orgCtx(runtime, orgSlug);
  const db = runtime.db.withTables<{
    audit_events: { org_id: string; seq: number; data: string };
    check_results: { org_id: string; at: number; latency_ms: number };
    evidence_witnesses: { org_id: string; created_at: number };
    evidence_publications: { org_id: string; published_at: number | null };
  }>();
  await db.updateTable('audit_events').set({ data: '{"name":"nobody was here"}' }).where('org_id', '=', ctx.orgId).where('seq', '=', seq).execute();
  const yesterday = Math.floor(Date.now() / DAY) * DAY - DAY;
  await db.updateTable('check_results').set({ latency_ms: 1 }).where('org_id', '=', ctx.orgId).where('at', '>=', yesterday).where('at', '<', yesterday + HOUR).execute();
  await db.updateTable('evidence_witnesses').set({ created_at: Date.now() - 9 * DAY }).where('org_id', '=', ctx.orgId).execute();
  await db.updateTable('evidence_publications').set({ published_at: Date.now() - 3 * DAY }).where('org_id', '=', ctx.orgId).where('published_at', 'is not', null).execute();
  await detectDrift({ ctx, mode: 'full' });
}
