import { sql } from 'kysely';
import { assertCan, type Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { monitorsIn } from './history/store.ts';
import type { MonitorState } from './schema.ts';

const MAX_IDS = 10_000;

/** Name and state of each of `monitorIds` in the organization, in one query; other ids are absent. */
export async function listMonitorStates({ ctx, monitorIds }: { ctx: Ctx; monitorIds: readonly string[] }): Promise<Map<string, { name: string; state: MonitorState }>> {
  assertCan(ctx, 'read');
  const ids = [...new Set(monitorIds)];
  if (ids.length > MAX_IDS) throw new ValidationError([{ path: 'monitorIds', message: `at most ${MAX_IDS} monitors` }]);
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ id: string; name: string; state: MonitorState }>`
    select m.id, m.name, m.state from ${monitorsIn(ctx.dialect, ids)} and m.org_id = ${ctx.orgId}`.execute(ctx.db);
  return new Map(rows.map((r) => [r.id, { name: r.name, state: r.state }]));
}
