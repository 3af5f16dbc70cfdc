import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { getRuleOf, toRule } from './contact-store.ts';
import { assertSelfOrAdmin } from './personal-access.ts';
import { oncallDb } from './store.ts';

export async function deleteNotificationRule({ ctx, userId, id }: { ctx: Ctx; userId: string; id: string }): Promise<void> {
  await assertSelfOrAdmin(ctx, userId);
  await inTransaction(ctx, async (tx) => {
    const before = await getRuleOf(tx, userId, id);
    await oncallDb(tx.db).deleteFrom('oncall_notification_rules').where('org_id', '=', tx.orgId).where('id', '=', id).execute();
    await recordAudit(tx, { action: 'notification_rule.delete', subject: { type: 'notification_rule', id }, data: { userId, before: toRule(before) } });
  });
}
