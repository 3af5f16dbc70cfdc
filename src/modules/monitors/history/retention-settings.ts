import type { Executor } from '../../../platform/db/index.ts';
import { historyDb } from './store.ts';

export const RETENTION_DEFAULTS = { rawDays: 90, historyDays: 3_650 } as const;

export interface RetentionSettings {
  rawDays: number;
  historyDays: number;
  updatedAt: number | null;
}

export async function loadRetention(db: Executor, orgId: string): Promise<RetentionSettings> {
  const row = await historyDb(db).selectFrom('monitor_retention').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  return row ? { rawDays: row.raw_days, historyDays: row.history_days, updatedAt: Number(row.updated_at) } : { ...RETENTION_DEFAULTS, updatedAt: null };
}
