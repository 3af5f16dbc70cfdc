import type { Services } from '../../../platform/context.ts';
import { DAY, HOUR } from '../../../platform/clock.ts';
import { rollupMonitors, type RollupFailure } from './compute-rollups.ts';
import { floorTo } from './range.ts';
import { loadRetention } from './retention-settings.ts';
import { deleteOldHistory, deleteRolledUpResults, HISTORY_TABLES, historyOrgIds, unrolledDays } from './retention-store.ts';
import { loadMonitorMetas, type MonitorMeta } from './store.ts';

export interface RetentionOptions {
  /** Rows per delete statement. */
  batchSize?: number;
  /** Statements per table and organization in one run; the job continues later when reached. */
  maxBatches?: number;
  /** Roll up old days that lack rollups (a deleted monitor, a failed job) so their raw rows can go. */
  backfill?: boolean;
}

export interface RetentionSummary {
  organizations: number;
  deletedResults: number;
  deletedHistory: number;
  backfilledDays: number;
  /** Rows remain past their time because the run hit its batch budget; the job runs again soon. */
  more: boolean;
  failed: { orgId: string; monitorId?: string; error: string }[];
}

const BACKFILL_DAYS_PER_RUN = 200;

async function drain(step: () => Promise<number>, batchSize: number, maxBatches: number): Promise<{ deleted: number; more: boolean }> {
  let deleted = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = await step();
    deleted += n;
    if (n < batchSize) return { deleted, more: false };
  }
  return { deleted, more: true };
}

async function backfill(services: Services, orgId: string, cutoff: number, summary: RetentionSummary): Promise<RollupFailure[]> {
  const pairs = await unrolledDays(services.db, orgId, cutoff, BACKFILL_DAYS_PER_RUN);
  const metas = new Map((await loadMonitorMetas(services.db, services.dialect, orgId, [...new Set(pairs.map((p) => p.monitorId))])).map((m) => [m.id, m]));
  const failed: RollupFailure[] = [];
  if (pairs.length === BACKFILL_DAYS_PER_RUN) summary.more = true;
  for (const { monitorId, day } of pairs) {
    const meta: MonitorMeta = metas.get(monitorId) ?? { id: monitorId, orgId, createdAt: null, state: null, intervalS: null };
    for (let h = day; h < day + DAY; h += HOUR) failed.push(...(await rollupMonitors(services, orgId, [meta], 'hour', h)).failed);
    failed.push(...(await rollupMonitors(services, orgId, [meta], 'day', day)).failed);
    summary.backfilledDays++;
  }
  return failed;
}

/**
 * Deletes, per organization, raw results older than its raw retention (whole days, and only rows
 * whose hour and day rollups exist) and flips, gaps and rollups older than its history retention,
 * in bounded batches. One organization failing does not stop the others.
 */
export async function applyRetention({ services, options = {} }: { services: Services; options?: RetentionOptions }): Promise<RetentionSummary> {
  const { batchSize = 5_000, maxBatches = 200, backfill: doBackfill = true } = options;
  const now = services.clock.now();
  const summary: RetentionSummary = { organizations: 0, deletedResults: 0, deletedHistory: 0, backfilledDays: 0, more: false, failed: [] };
  for (const orgId of await historyOrgIds(services.db)) {
    summary.organizations++;
    try {
      const settings = await loadRetention(services.db, orgId);
      const rawCutoff = floorTo(now - settings.rawDays * DAY, DAY);
      if (doBackfill) for (const f of await backfill(services, orgId, rawCutoff, summary)) summary.failed.push({ orgId, ...f });
      const raw = await drain(() => deleteRolledUpResults(services.db, services.dialect, orgId, rawCutoff, batchSize), batchSize, maxBatches);
      summary.deletedResults += raw.deleted;
      summary.more ||= raw.more;
      const historyCutoff = floorTo(now - settings.historyDays * DAY, DAY);
      for (const table of HISTORY_TABLES) {
        const old = await drain(() => deleteOldHistory(services.db, services.dialect, table, orgId, historyCutoff, batchSize), batchSize, maxBatches);
        summary.deletedHistory += old.deleted;
        summary.more ||= old.more;
      }
    } catch (err) {
      summary.failed.push({ orgId, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return summary;
}
