import { assertCan, type Ctx } from '../../../platform/context.ts';
import { iso } from './range.ts';
import { loadRetention } from './retention-settings.ts';
import type { Retention } from './schemas.ts';

export async function getRetention({ ctx }: { ctx: Ctx }): Promise<Retention> {
  assertCan(ctx, 'read');
  const r = await loadRetention(ctx.db, ctx.orgId);
  return { rawDays: r.rawDays, historyDays: r.historyDays, updatedAt: r.updatedAt === null ? null : iso(r.updatedAt) };
}
