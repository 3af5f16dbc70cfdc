import { assertCan, type Ctx } from '../../../platform/context.ts';
import { getMonitorInOrg } from '../get-monitor.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
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
    .$if(after !== null, (qb) => qb.where((eb) => eb.or([eb('from_at', '<', after![0]), eb.and([eb('from_at', '=', after![0]), eb('id', '<', after![1])])])))
    .orderBy('from_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = rows.length > input.limit ? page.at(-1)! : null;
  return {
    data: page.map((r) =>
      toCoverageGap({ id: r.id, monitorId: r.monitor_id, start: Number(r.from_at), end: Number(r.to_at), missedChecks: r.missed_checks, cause: r.cause, detail: r.detail }),
    ),
    nextCursor: last ? encodeCursor([Number(last.from_at), last.id]) : null,
  };
}
