import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import type { MonitorFacts } from './facts.ts';
import { assertMonitorsInOrg } from './monitor-ids.ts';
import type { StatusPageComponentsTable } from './schema.ts';
import type { Component, UpdateComponentInput } from './schemas.ts';
import { getComponentInPage, getPageInOrg, pagesDb, toComponent } from './store.ts';

export async function updateComponent({
  ctx,
  pageId,
  id,
  input,
  facts,
}: {
  ctx: Ctx;
  pageId: string;
  id: string;
  input: UpdateComponentInput;
  facts: MonitorFacts;
}): Promise<Component> {
  assertCan(ctx, 'write');
  await getPageInOrg(ctx, pageId);
  const monitorIds = input.monitorIds === undefined ? undefined : await assertMonitorsInOrg(ctx, facts, input.monitorIds);
  return inTransaction(ctx, async (tx) => {
    const before = await getComponentInPage(tx, pageId, id);
    const changes: Partial<StatusPageComponentsTable> = { updated_at: tx.clock.now() };
    if (input.name !== undefined) changes.name = input.name;
    if (input.description !== undefined) changes.description = input.description || null;
    if (input.position !== undefined) changes.position = input.position;
    if (input.group !== undefined) changes.group_name = input.group;
    if (monitorIds !== undefined) changes.monitor_ids = JSON.stringify(monitorIds);
    await pagesDb(tx.db).updateTable('status_page_components').set(changes).where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    const after = { ...before, ...changes };
    await recordAudit(tx, { action: 'status_page_component.update', subject: { type: 'status_page_component', id }, data: { before: toComponent(before), after: toComponent(after) } });
    return toComponent(after);
  });
}
