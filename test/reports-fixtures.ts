import { createDefaultProbeRegistry, createMonitor } from '../src/modules/monitors/index.ts';
import type { CheckResultsTable, MonitorState } from '../src/modules/monitors/schema.ts';
import type { NotificationTables } from '../src/modules/notifications/schema.ts';
import { fileReview, listReviews, updateReview } from '../src/modules/reviews/index.ts';
import { MINUTE } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import type { Executor } from '../src/platform/db/index.ts';
import { newId } from '../src/platform/ids.ts';
import { insertFlips, insertGap, insertResults, result, type FlipSpec } from './history-fixtures.ts';

export const T0 = Date.parse('2026-03-02T00:00:00Z');
export const m = (minutes: number) => T0 + minutes * MINUTE;
export const iso = (ms: number) => new Date(ms).toISOString();

const probes = createDefaultProbeRegistry();

export async function tcpMonitor(ctx: Ctx, name: string, labels: Record<string, string> = {}, extra: { type?: string; settings?: Record<string, unknown>; paused?: boolean } = {}): Promise<string> {
  const input = { name, type: extra.type ?? 'tcp', settings: extra.settings ?? { host: '127.0.0.1', port: 9 }, labels, interval: 60, confirmDown: 2, confirmUp: 1, paused: extra.paused ?? false };
  return (await createMonitor({ ctx, probes, input })).id;
}

/**
 * The spans of a seeded monitor over [T0, m(600)), as [start minute, state]: pending 10 min (no
 * results), up, down 30 min, maintenance 1 h (no results), a 15 min coverage gap while up (no
 * results, see GAP), degraded 20 min.
 */
const SPANS: [number, MonitorState][] = [[0, 'pending'], [10, 'up'], [120, 'down'], [150, 'up'], [240, 'maintenance'], [300, 'up'], [540, 'degraded'], [560, 'up']];
export const TIMELINE: FlipSpec[] = SPANS.slice(1).map(([minute, to], i) => ({ at: m(minute), from: SPANS[i][1], to }));
export const GAP = { from: m(480), to: m(495) };
export const MAINTENANCE = { from: m(240), to: m(300) };

const stateAt = (timeline: FlipSpec[], at: number): MonitorState => timeline.findLast((f) => f.at <= at)?.to ?? 'pending';

/** Flips, the gap and one raw result a minute wherever the monitor was checked, the way the engine writes them. */
export async function seedHistory(db: Executor, ctx: Ctx, id: string, timeline: FlipSpec[], gap: { from: number; to: number } | null): Promise<CheckResultsTable[]> {
  await insertFlips(db, ctx.orgId, id, timeline);
  if (gap) await insertGap(db, ctx.orgId, id, gap.from, gap.to, (gap.to - gap.from) / MINUTE);
  const rows: CheckResultsTable[] = [];
  for (let at = T0; at < m(600); at += MINUTE) {
    const state = stateAt(timeline, at);
    if (state !== 'up' && state !== 'down' && state !== 'degraded') continue;
    if (gap && at >= gap.from && at < gap.to) continue;
    rows.push(result(ctx.orgId, id, at, state, state === 'down' ? 5000 : 120));
  }
  await insertResults(db, rows);
  return rows;
}

/** A receipt row as the delivery code writes it. */
export async function insertReceipt(db: Executor, ctx: Ctx, channel: { id: string; type: string }, at: number, state: 'delivered' | 'failed' | 'retrying', latencyMs: number, test = false): Promise<void> {
  const id = newId(at);
  await db
    .withTables<NotificationTables>()
    .insertInto('notification_receipts')
    .values({ id, org_id: ctx.orgId, channel_id: channel.id, channel_type: channel.type, dispatch_id: null, delivery_id: null, job_id: null, alert_ids: '[]', group_key: null, message_kind: test ? 'test' : 'firing', attempt: 1, state, status_code: state === 'delivered' ? 200 : 500, latency_ms: latencyMs, error: null, idempotency_key: `k-${id}`, test: test ? 1 : 0, fallback: 0, at, next_attempt_at: null })
    .execute();
}

/** The incident's review (opened by the reviews sweep), written up and filed now. */
export async function fileReviewOf(ctx: Ctx, incidentId: string): Promise<string> {
  const [review] = (await listReviews({ ctx, input: { incidentId, limit: 1 } })).data;
  await updateReview({ ctx, id: review.id, input: { contributingFactors: 'A full disk.' } });
  await fileReview({ ctx, id: review.id });
  return review.id;
}
