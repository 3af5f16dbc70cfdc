import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import type { ChannelDirectory } from './channels.ts';
import { checkContactMethod } from './contact-rules.ts';
import type { ContactMethod, UpdateContactMethodInput } from './contact-schemas.ts';
import { auditView, getContactMethodOf, toContactMethod } from './contact-store.ts';
import { assertSelfOrAdmin } from './personal-access.ts';
import type { ContactMethodsTable } from './schema.ts';
import { oncallDb } from './store.ts';

export async function updateContactMethod({ ctx, userId, id, input, channels }: { ctx: Ctx; userId: string; id: string; input: UpdateContactMethodInput; channels: ChannelDirectory }): Promise<ContactMethod> {
  await assertSelfOrAdmin(ctx, userId);
  return inTransaction(ctx, async (tx) => {
    const before = await getContactMethodOf(tx, userId, id);
    const changes: Partial<ContactMethodsTable> = { updated_at: tx.clock.now() };
    if (input.address !== undefined) changes.address = before.type === 'email' ? input.address.toLowerCase() : input.address;
    if (input.channelId !== undefined) changes.channel_id = input.channelId;
    if (input.label !== undefined) changes.label = input.label;
    const after: ContactMethodsTable = { ...before, ...changes };
    await checkContactMethod(tx, channels, { type: after.type, address: after.address, channelId: after.channel_id });
    await oncallDb(tx.db).updateTable('oncall_contact_methods').set(changes).where('org_id', '=', tx.orgId).where('id', '=', id).execute();
    await recordAudit(tx, { action: 'contact_method.update', subject: { type: 'contact_method', id }, data: { userId, before: auditView(toContactMethod(before)), after: auditView(toContactMethod(after)) } });
    return toContactMethod(after);
  });
}
