import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { LimitExceededError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { MonitorFacts } from './facts.ts';
import { assertMonitorsInOrg } from './monitor-ids.ts';
import type { StatusPageComponentsTable } from './schema.ts';
import type { Component, CreateComponentInput } from './schemas.ts';
import { getPageInOrg, pagesDb, toComponent } from './store.ts';

export const MAX_COMPONENTS_PER_PAGE = 500;

export async function createComponent({ ctx, pageId, input, facts }: { ctx: Ctx; pageId: string; input: CreateComponentInput; facts: MonitorFacts }): Promise<Component> {
  assertCan(ctx, 'write');
  const monitorIds = await assertMonitorsInOrg(ctx, facts, input.monitorIds);
  return inTransaction(ctx, async (tx) => {
    await getPageInOrg(tx, pageId);
    const q = pagesDb(tx.db);
    const stats = await q
      .selectFrom('status_page_components')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('position').as('last')])
      .where('page_id', '=', pageId)
      .where('org_id', '=', tx.orgId)
      .executeTakeFirstOrThrow();
    if (Number(stats.count) >= MAX_COMPONENTS_PER_PAGE) throw new LimitExceededError(`A status page holds at most ${MAX_COMPONENTS_PER_PAGE} components`);
    const now = tx.clock.now();
    const row: StatusPageComponentsTable = {
      id: newId(now),
      org_id: tx.orgId,
      page_id: pageId,
      name: input.name,
      description: input.description || null,
      position: input.position ?? (stats.last === null ? 0 : Number(stats.last) + 1),
      group_name: input.group ?? null,
      monitor_ids: JSON.stringify(monitorIds),
      created_at: now,
      updated_at: now,
    };
    await q.insertInto('status_page_components').values(row).execute();
    await recordAudit(tx, { action: 'status_page_component.create', subject: { type: 'status_page_component', id: row.id }, data: { after: toComponent(row) } });
    return toComponent(row);
  });
}
