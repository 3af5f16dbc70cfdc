import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { StatusPageMaintenancesTable } from './schema.ts';
import type { Maintenance, UpdateMaintenanceInput } from './schemas.ts';
import { assertComponentsOnPage, getMaintenanceInPage, getPageInOrg, pagesDb, toMaintenance } from './store.ts';

export async function updateMaintenance({ ctx, pageId, id, input }: { ctx: Ctx; pageId: string; id: string; input: UpdateMaintenanceInput }): Promise<Maintenance> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    await getPageInOrg(tx, pageId);
    const before = await getMaintenanceInPage(tx, pageId, id);
    const changes: Partial<StatusPageMaintenancesTable> = { updated_at: tx.clock.now() };
    if (input.title !== undefined) changes.title = input.title;
    if (input.description !== undefined) changes.description = input.description || null;
    if (input.startsAt !== undefined) changes.starts_at = Date.parse(input.startsAt);
    if (input.endsAt !== undefined) changes.ends_at = Date.parse(input.endsAt);
    if (input.componentIds !== undefined) {
      await assertComponentsOnPage(tx, pageId, input.componentIds);
      changes.component_ids = JSON.stringify([...new Set(input.componentIds)]);
    }
    const after = { ...before, ...changes };
    if (Number(after.ends_at) <= Number(after.starts_at)) throw new ValidationError([{ path: 'endsAt', message: 'must be after startsAt' }]);
    await pagesDb(tx.db).updateTable('status_page_maintenances').set(changes).where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    await recordAudit(tx, { action: 'status_page_maintenance.update', subject: { type: 'status_page_maintenance', id }, data: { before: toMaintenance(before), after: toMaintenance(after) } });
    return toMaintenance(after);
  });
}
