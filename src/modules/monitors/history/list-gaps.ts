import { assertCan, type Ctx } from '../../../platform/context.ts';
import { decodeCursor, keysetPage, keysetQuery } from '../../../platform/db/index.ts';
import { getMonitorInOrg } from '../get-monitor.ts';
import { toCoverageGap } from './get-uptime.ts';
import { resolveRange } from './range.ts';
import type { CoverageGap, PageQuery } from './schemas.ts';
import { historyDb } from './store.ts';

/** Coverage gaps (expected checks that did not run, with the cause) overlapping the range, newest first. */
export async function listCoverageGaps({ ctx, id, input }: { ctx: Ctx; id: string; input: PageQuery }): Promise<{ data: CoverageGap[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  await getMonitorInOrg(ctx, id);
  const range = resolveRange(input, ctx.clock.now(), { defaultMs: 3_660 * 86_400_000 });
  const after = input.cursor ? decodeCursor<[number, string]>(input.cursor, ['number', 'string']) : null;
  const rows = await historyDb(ctx.db)
    .selectFrom('coverage_gaps')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('monitor_id', '=', id)
    .where('from_at', '<', range.to)
    .where('to_at', '>', range.from)
    .$call((qb) => keysetQuery(qb, { columns: ['from_at', 'id'], order: 'desc', after, limit: input.limit }))
    .execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (r) => [Number(r.from_at), r.id]);
  return {
    data: page.map((r) =>
      toCoverageGap({ id: r.id, monitorId: r.monitor_id, start: Number(r.from_at), end: Number(r.to_at), missedChecks: r.missed_checks, cause: r.cause, detail: r.detail }),
    ),
    nextCursor,
  };
}
