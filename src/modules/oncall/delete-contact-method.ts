import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { auditView, getContactMethodOf, toContactMethod } from './contact-store.ts';
import { assertSelfOrAdmin } from './personal-access.ts';
import { oncallDb } from './store.ts';

/** Deletes the method and the notification rules that use it. */
export async function deleteContactMethod({ ctx, userId, id }: { ctx: Ctx; userId: string; id: string }): Promise<void> {
  await assertSelfOrAdmin(ctx, userId);
  await inTransaction(ctx, async (tx) => {
    const before = await getContactMethodOf(tx, userId, id);
    const q = oncallDb(tx.db);
    await q.deleteFrom('oncall_notification_rules').where('org_id', '=', tx.orgId).where('contact_method_id', '=', id).execute();
    await q.deleteFrom('oncall_contact_methods').where('org_id', '=', tx.orgId).where('id', '=', id).execute();
    await recordAudit(tx, { action: 'contact_method.delete', subject: { type: 'contact_method', id }, data: { userId, before: auditView(toContactMethod(before)) } });
  });
}
