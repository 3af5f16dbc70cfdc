import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { ChannelDirectory } from './channels.ts';
import { checkContactMethod } from './contact-rules.ts';
import type { ContactMethod, CreateContactMethodInput } from './contact-schemas.ts';
import { auditView, toContactMethod } from './contact-store.ts';
import { assertSelfOrAdmin } from './personal-access.ts';
import type { ContactMethodsTable } from './schema.ts';
import { oncallDb } from './store.ts';

export async function createContactMethod({ ctx, userId, input, channels }: { ctx: Ctx; userId: string; input: CreateContactMethodInput; channels: ChannelDirectory }): Promise<ContactMethod> {
  await assertSelfOrAdmin(ctx, userId);
  const now = ctx.clock.now();
  const row: ContactMethodsTable = {
    id: newId(now),
    org_id: ctx.orgId,
    user_id: userId,
    type: input.type,
    address: input.type === 'email' ? (input.address?.toLowerCase() ?? null) : (input.address ?? null),
    channel_id: input.channelId ?? null,
    label: input.label ?? null,
    created_at: now,
    updated_at: now,
  };
  await checkContactMethod(ctx, channels, { type: row.type, address: row.address, channelId: row.channel_id });
  return inTransaction(ctx, async (tx) => {
    await oncallDb(tx.db).insertInto('oncall_contact_methods').values(row).execute();
    const method = toContactMethod(row);
    await recordAudit(tx, { action: 'contact_method.create', subject: { type: 'contact_method', id: row.id }, data: { userId, after: auditView(method) } });
    return method;
  });
}
