import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ContactMethod, NotificationRule } from './contact-schemas.ts';
import type { ContactMethodsTable, NotificationRulesTable } from './schema.ts';
import { iso, oncallDb } from './store.ts';

export function toContactMethod(row: ContactMethodsTable): ContactMethod {
  return { id: row.id, userId: row.user_id, type: row.type, address: row.address, channelId: row.channel_id, label: row.label, createdAt: iso(row.created_at)!, updatedAt: iso(row.updated_at)! };
}

export function toRule(row: NotificationRulesTable): NotificationRule {
  return { id: row.id, userId: row.user_id, contactMethodId: row.contact_method_id, delayMinutes: row.delay_min, urgency: row.urgency, createdAt: iso(row.created_at)!, updatedAt: iso(row.updated_at)! };
}

export async function getContactMethodOf(ctx: Ctx, userId: string, id: string): Promise<ContactMethodsTable> {
  const row = await oncallDb(ctx.db).selectFrom('oncall_contact_methods').selectAll().where('org_id', '=', ctx.orgId).where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('Contact method', 'CONTACT_METHOD_NOT_FOUND');
  return row;
}

export async function getRuleOf(ctx: Ctx, userId: string, id: string): Promise<NotificationRulesTable> {
  const row = await oncallDb(ctx.db).selectFrom('oncall_notification_rules').selectAll().where('org_id', '=', ctx.orgId).where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('Notification rule', 'NOTIFICATION_RULE_NOT_FOUND');
  return row;
}

export async function contactMethodsOf(ctx: Ctx, userIds: string[]): Promise<ContactMethodsTable[]> {
  if (userIds.length === 0) return [];
  return oncallDb(ctx.db).selectFrom('oncall_contact_methods').selectAll().where('org_id', '=', ctx.orgId).where('user_id', 'in', userIds).orderBy('created_at').orderBy('id').execute();
}

export async function rulesOf(ctx: Ctx, userIds: string[]): Promise<NotificationRulesTable[]> {
  if (userIds.length === 0) return [];
  return oncallDb(ctx.db)
    .selectFrom('oncall_notification_rules')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('user_id', 'in', userIds)
    .orderBy('delay_min')
    .orderBy('id')
    .execute();
}

/** The audit chain is permanent, so it keeps a recognisable hint of an address, not the address. */
export function auditView(method: ContactMethod): ContactMethod {
  const a = method.address;
  const masked = a === null ? null : a.includes('@') ? `${a[0]}***${a.slice(a.indexOf('@'))}` : `${a.slice(0, 3)}***${a.slice(-2)}`;
  return { ...method, address: masked };
}
