import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { StatusPageMaintenancesTable } from './schema.ts';
import type { CreateMaintenanceInput, Maintenance } from './schemas.ts';
import { assertComponentsOnPage, getPageInOrg, pagesDb, toMaintenance } from './store.ts';

/** A public notice of planned work; while it runs, its components show "under maintenance". */
export async function createMaintenance({ ctx, pageId, input }: { ctx: Ctx; pageId: string; input: CreateMaintenanceInput }): Promise<Maintenance> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    await getPageInOrg(tx, pageId);
    await assertComponentsOnPage(tx, pageId, input.componentIds);
    const now = tx.clock.now();
    const row: StatusPageMaintenancesTable = {
      id: newId(now),
      org_id: tx.orgId,
      page_id: pageId,
      title: input.title,
      description: input.description || null,
      starts_at: Date.parse(input.startsAt),
      ends_at: Date.parse(input.endsAt),
      component_ids: JSON.stringify([...new Set(input.componentIds)]),
      created_at: now,
      updated_at: now,
    };
    await pagesDb(tx.db).insertInto('status_page_maintenances').values(row).execute();
    await recordAudit(tx, { action: 'status_page_maintenance.create', subject: { type: 'status_page_maintenance', id: row.id }, data: { after: toMaintenance(row) } });
    return toMaintenance(row);
  });
}
