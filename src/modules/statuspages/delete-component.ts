import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { getComponentInPage, getPageInOrg, pagesDb, toComponent } from './store.ts';

/** Incidents and notices keep naming the component id; the page no longer shows it. */
export async function deleteComponent({ ctx, pageId, id }: { ctx: Ctx; pageId: string; id: string }): Promise<void> {
  assertCan(ctx, 'write');
  await inTransaction(ctx, async (tx) => {
    await getPageInOrg(tx, pageId);
    const before = await getComponentInPage(tx, pageId, id);
    await pagesDb(tx.db).deleteFrom('status_page_components').where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    await recordAudit(tx, { action: 'status_page_component.delete', subject: { type: 'status_page_component', id }, data: { before: toComponent(before) } });
  });
}
