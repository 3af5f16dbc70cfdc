import { assertCan, type Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { inIds } from './history/store.ts';
import type { MonitorState } from './schema.ts';
import { monitorsDb } from './store.ts';

const MAX_IDS = 10_000;

/** Name and state of each of `monitorIds` in the organization, in one query; other ids are absent. */
export async function listMonitorStates({ ctx, monitorIds }: { ctx: Ctx; monitorIds: readonly string[] }): Promise<Map<string, { name: string; state: MonitorState }>> {
  assertCan(ctx, 'read');
  const ids = [...new Set(monitorIds)];
  if (ids.length > MAX_IDS) throw new ValidationError([{ path: 'monitorIds', message: `at most ${MAX_IDS} monitors` }]);
  if (ids.length === 0) return new Map();
  const rows = await monitorsDb(ctx.db).selectFrom('monitors').select(['id', 'name', 'state']).where('org_id', '=', ctx.orgId).where(inIds(ctx.dialect, 'id', ids)).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, state: r.state }]));
}
