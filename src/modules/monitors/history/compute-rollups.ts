import type { Services } from '../../../platform/context.ts';
import { DAY, HOUR } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { rollupRow, type RawResult, type RollupPeriod } from './rollup-row.ts';
import { floorTo } from './range.ts';
import { loadRetention } from './retention-settings.ts';
import type { RollupRow } from './schema.ts';
import { gapIntervals, historyDb, inIds, loadFlipHistories, loadGaps, type MonitorMeta } from './store.ts';

export const PERIOD_MS: Record<RollupPeriod, number> = { hour: HOUR, day: DAY };
const BATCH: Record<RollupPeriod, number> = { hour: 500, day: 100 };
const WRITE_CHUNK = 200;

export interface RollupFailure {
  monitorId: string;
  error: string;
}

export interface RollupSummary {
  period: RollupPeriod;
  startAt: number;
  monitors: number;
  written: number;
  failed: RollupFailure[];
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** `replace`: recompute; otherwise only fill missing rows (their raw results may already be deleted). */
async function writeRows(db: Executor, rows: RollupRow[], replace: boolean): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    await historyDb(db)
      .insertInto('monitor_rollups')
      .values(rows.slice(i, i + WRITE_CHUNK))
      .onConflict((oc) =>
        !replace ? oc.columns(['monitor_id', 'period', 'start_at']).doNothing() : oc.columns(['monitor_id', 'period', 'start_at']).doUpdateSet((eb) => {
          const set: Record<string, unknown> = {};
          for (const k of Object.keys(rows[0]) as (keyof RollupRow)[]) if (!['monitor_id', 'period', 'start_at'].includes(k)) set[k] = eb.ref(`excluded.${k}`);
          return set;
        }),
      )
      .execute();
  }
}

/**
 * Rolls up some monitors of one organization; a monitor that fails is reported, the others still
 * written. Periods older than the raw retention are only filled in, never replaced.
 */
export async function rollupMonitors(services: Services, orgId: string, metas: MonitorMeta[], period: RollupPeriod, start: number): Promise<{ written: number; failed: RollupFailure[] }> {
  const { db, dialect } = services;
  const end = start + PERIOD_MS[period];
  // Past the raw retention the raw rows may be gone: a recomputation would overwrite good counts with zeros.
  const { rawDays } = await loadRetention(db, orgId);
  const replace = end > floorTo(services.clock.now() - rawDays * DAY, DAY);
  const ids = metas.map((m) => m.id);
  const [results, histories, gaps] = await Promise.all([
    historyDb(db)
      .selectFrom('check_results')
      .select(['monitor_id', 'outcome', 'latency_ms'])
      .where('org_id', '=', orgId)
      .where(inIds(dialect, 'monitor_id', ids))
      .where('at', '>=', start)
      .where('at', '<', end)
      .execute(),
    loadFlipHistories(db, dialect, orgId, ids, start, end),
    loadGaps(db, dialect, orgId, ids, start, end),
  ]);
  const byMonitor = new Map<string, RawResult[]>();
  for (const r of results) {
    const list = byMonitor.get(r.monitor_id) ?? [];
    list.push({ outcome: r.outcome, latency: r.latency_ms });
    byMonitor.set(r.monitor_id, list);
  }
  const failed: RollupFailure[] = [];
  const rows: RollupRow[] = [];
  for (const meta of metas) {
    try {
      rows.push(rollupRow(meta, period, start, end, histories.get(meta.id)!, gapIntervals(gaps.get(meta.id)), byMonitor.get(meta.id) ?? []));
    } catch (err) {
      failed.push({ monitorId: meta.id, error: message(err) });
    }
  }
  try {
    await writeRows(db, rows, replace);
    return { written: rows.length, failed };
  } catch {
    // One bad row must not lose the batch: write one by one to find it.
    let written = 0;
    for (const row of rows) {
      try {
        await writeRows(db, [row], replace);
        written++;
      } catch (err) {
        failed.push({ monitorId: row.monitor_id, error: message(err) });
      }
    }
    return { written, failed };
  }
}

/**
 * Computes the hour or day starting at `startAt` for every monitor that existed by its end, in
 * batches. Recomputing replaces the rows. Returns a summary; never throws for one monitor.
 */
export async function computeRollups({ services, period, startAt }: { services: Services; period: RollupPeriod; startAt: number }): Promise<RollupSummary> {
  const end = startAt + PERIOD_MS[period];
  const summary: RollupSummary = { period, startAt, monitors: 0, written: 0, failed: [] };
  let after: [string, string] = ['', ''];
  for (;;) {
    const rows = await historyDb(services.db)
      .selectFrom('monitors')
      .select(['id', 'org_id', 'created_at', 'state', 'interval_s'])
      .where('created_at', '<', end)
      .where((eb) => eb.or([eb('org_id', '>', after[0]), eb.and([eb('org_id', '=', after[0]), eb('id', '>', after[1])])]))
      .orderBy('org_id')
      .orderBy('id')
      .limit(BATCH[period])
      .execute();
    if (rows.length === 0) break;
    const last = rows.at(-1)!;
    after = [last.org_id, last.id];
    const byOrg = new Map<string, MonitorMeta[]>();
    for (const r of rows) {
      const list = byOrg.get(r.org_id) ?? [];
      list.push({ id: r.id, orgId: r.org_id, createdAt: Number(r.created_at), state: r.state, intervalS: r.interval_s });
      byOrg.set(r.org_id, list);
    }
    for (const [orgId, metas] of byOrg) {
      summary.monitors += metas.length;
      try {
        const r = await rollupMonitors(services, orgId, metas, period, startAt);
        summary.written += r.written;
        summary.failed.push(...r.failed);
      } catch (err) {
        summary.failed.push(...metas.map((m) => ({ monitorId: m.id, error: message(err) })));
      }
    }
  }
  return summary;
}
