import { assertCan, type Ctx } from '../../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../../platform/db/index.ts';
import { getMonitorInOrg } from '../get-monitor.ts';
import type { CheckResult } from '../schemas.ts';
import { iso, resolveRange } from './range.ts';
import type { ListResultsInput } from './schemas.ts';
import { historyDb } from './store.ts';

const json = (text: string | null) => (text === null ? null : JSON.parse(text));

/**
 * Raw results, newest first. Results have no id, so the cursor is the last time shown plus how many
 * results at exactly that time were shown; ties are ordered by every column, so pages never repeat or skip.
 */
export async function listCheckResults({ ctx, id, input }: { ctx: Ctx; id: string; input: ListResultsInput }): Promise<{ data: CheckResult[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  await getMonitorInOrg(ctx, id);
  const range = resolveRange(input, ctx.clock.now(), { defaultMs: 3_660 * 86_400_000 });
  const [afterAt, seen] = input.cursor ? decodeCursor<[number, number]>(input.cursor, ['number', 'number']) : [null, 0];
  const rows = await historyDb(ctx.db)
    .selectFrom('check_results')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('monitor_id', '=', id)
    .where('at', '>=', range.from)
    .where('at', '<', range.to)
    .$if(afterAt !== null, (qb) => qb.where('at', '<=', afterAt!))
    .$if(!!input.outcome, (qb) => qb.where('outcome', '=', input.outcome!))
    .orderBy('at', 'desc')
    .orderBy('outcome')
    .orderBy('latency_ms')
    .orderBy('error_code')
    .orderBy('message')
    .orderBy('timings')
    .orderBy('details')
    .limit(seen + input.limit + 1)
    .execute();
  const skip = afterAt === null ? 0 : rows.findIndex((r, i) => Number(r.at) < afterAt || i >= seen);
  const rest = skip < 0 ? [] : rows.slice(skip);
  const page = rest.slice(0, input.limit);
  let nextCursor: string | null = null;
  if (rest.length > input.limit) {
    const lastAt = Number(page.at(-1)!.at);
    const tied = page.filter((r) => Number(r.at) === lastAt).length;
    nextCursor = encodeCursor([lastAt, tied + (lastAt === afterAt ? seen : 0)]);
  }
  return {
    data: page.map((r) => ({
      at: iso(Number(r.at)),
      outcome: r.outcome,
      latencyMs: r.latency_ms,
      errorCode: r.error_code,
      message: r.message,
      timings: json(r.timings),
      details: json(r.details),
    })),
    nextCursor,
  };
}
