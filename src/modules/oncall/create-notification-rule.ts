import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { CreateNotificationRuleInput, NotificationRule } from './contact-schemas.ts';
import { getContactMethodOf, toRule } from './contact-store.ts';
import { assertSelfOrAdmin } from './personal-access.ts';
import type { NotificationRulesTable } from './schema.ts';
import { oncallDb } from './store.ts';

/** "Page me by SMS two minutes after the step, for high urgency": one rule per method and delay. */
export async function createNotificationRule({ ctx, userId, input }: { ctx: Ctx; userId: string; input: CreateNotificationRuleInput }): Promise<NotificationRule> {
  await assertSelfOrAdmin(ctx, userId);
  return inTransaction(ctx, async (tx) => {
    await getContactMethodOf(tx, userId, input.contactMethodId).catch(() => {
      throw new ValidationError([{ path: 'contactMethodId', message: "not one of this person's contact methods" }]);
    });
    const now = tx.clock.now();
    const row: NotificationRulesTable = { id: newId(now), org_id: tx.orgId, user_id: userId, contact_method_id: input.contactMethodId, delay_min: input.delayMinutes, urgency: input.urgency, created_at: now, updated_at: now };
    await oncallDb(tx.db).insertInto('oncall_notification_rules').values(row).execute();
    const rule = toRule(row);
    await recordAudit(tx, { action: 'notification_rule.create', subject: { type: 'notification_rule', id: row.id }, data: { userId, after: rule } });
    return rule;
  });
}
