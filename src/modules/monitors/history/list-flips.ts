import { assertCan, type Ctx } from '../../../platform/context.ts';
import { decodeCursor, keysetPage, keysetQuery } from '../../../platform/db/index.ts';
import { getMonitorInOrg } from '../get-monitor.ts';
import { iso, resolveRange } from './range.ts';
import type { MonitorFlip, PageQuery } from './schemas.ts';
import { historyDb } from './store.ts';

const ALL_TIME = 3_660 * 86_400_000;

/** A reason is stored as JSON (the failing result, or who paused); older plain text is wrapped. */
function parseReason(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { message: value };
  } catch {
    return { message: text };
  }
}

/** State changes with their reasons, newest first. */
export async function listFlips({ ctx, id, input }: { ctx: Ctx; id: string; input: PageQuery }): Promise<{ data: MonitorFlip[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  await getMonitorInOrg(ctx, id);
  const range = resolveRange(input, ctx.clock.now(), { defaultMs: ALL_TIME });
  const after = input.cursor ? decodeCursor<[number, string]>(input.cursor, ['number', 'string']) : null;
  const rows = await historyDb(ctx.db)
    .selectFrom('monitor_flips')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('monitor_id', '=', id)
    .where('at', '>=', range.from)
    .where('at', '<', range.to)
    .$call((qb) => keysetQuery(qb, { columns: ['at', 'id'], order: 'desc', after, limit: input.limit }))
    .execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (r) => [Number(r.at), r.id]);
  return {
    data: page.map((r) => ({ id: r.id, at: iso(Number(r.at)), from: r.from_state, to: r.to_state, reason: parseReason(r.reason) })),
    nextCursor,
  };
}
