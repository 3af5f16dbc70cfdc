import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { NotificationRule, UpdateNotificationRuleInput } from './contact-schemas.ts';
import { getContactMethodOf, getRuleOf, toRule } from './contact-store.ts';
import { assertSelfOrAdmin } from './personal-access.ts';
import type { NotificationRulesTable } from './schema.ts';
import { oncallDb } from './store.ts';

export async function updateNotificationRule({ ctx, userId, id, input }: { ctx: Ctx; userId: string; id: string; input: UpdateNotificationRuleInput }): Promise<NotificationRule> {
  await assertSelfOrAdmin(ctx, userId);
  return inTransaction(ctx, async (tx) => {
    const before = await getRuleOf(tx, userId, id);
    const changes: Partial<NotificationRulesTable> = { updated_at: tx.clock.now() };
    if (input.contactMethodId !== undefined) {
      await getContactMethodOf(tx, userId, input.contactMethodId).catch(() => {
        throw new ValidationError([{ path: 'contactMethodId', message: "not one of this person's contact methods" }]);
      });
      changes.contact_method_id = input.contactMethodId;
    }
    if (input.delayMinutes !== undefined) changes.delay_min = input.delayMinutes;
    if (input.urgency !== undefined) changes.urgency = input.urgency;
    await oncallDb(tx.db).updateTable('oncall_notification_rules').set(changes).where('org_id', '=', tx.orgId).where('id', '=', id).execute();
    const after = toRule({ ...before, ...changes });
    await recordAudit(tx, { action: 'notification_rule.update', subject: { type: 'notification_rule', id }, data: { userId, before: toRule(before), after } });
    return after;
  });
}
