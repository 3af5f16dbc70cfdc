import { assertCan, type Ctx } from '../../../platform/context.ts';
import { getMonitorInOrg } from '../get-monitor.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
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
    .$if(after !== null, (qb) => qb.where((eb) => eb.or([eb('at', '<', after![0]), eb.and([eb('at', '=', after![0]), eb('id', '<', after![1])])])))
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = rows.length > input.limit ? page.at(-1)! : null;
  return {
    data: page.map((r) => ({ id: r.id, at: iso(Number(r.at)), from: r.from_state, to: r.to_state, reason: parseReason(r.reason) })),
    nextCursor: last ? encodeCursor([Number(last.at), last.id]) : null,
  };
}
