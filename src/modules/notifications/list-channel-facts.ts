import { assertCan, type Ctx } from '../../platform/context.ts';
import { iso, notificationsDb } from './store.ts';

export interface ChannelFact {
  id: string;
  name: string;
  type: string;
  enabled: boolean;
  createdAt: string;
  lastTestAt: string | null;
  lastTestStatus: string | null;
}

/** Every channel with its last test send, without settings: what reports and compliance checks read. */
export async function listChannelFacts({ ctx }: { ctx: Ctx }): Promise<ChannelFact[]> {
  assertCan(ctx, 'read');
  const db = notificationsDb(ctx.db);
  const channels = await db.selectFrom('notification_channels').select(['id', 'name', 'type', 'enabled', 'created_at']).where('org_id', '=', ctx.orgId).orderBy('name').orderBy('id').execute();
  const tests = await db
    .selectFrom('notification_receipts')
    .select(['channel_id', 'at', 'state'])
    .where('org_id', '=', ctx.orgId)
    .where('test', '=', 1)
    .orderBy('at')
    .execute();
  const last = new Map(tests.map((t) => [t.channel_id, t]));
  return channels.map((c) => {
    const test = last.get(c.id);
    return { id: c.id, name: c.name, type: c.type, enabled: Boolean(c.enabled), createdAt: iso(c.created_at)!, lastTestAt: test ? iso(test.at) : null, lastTestStatus: test?.state ?? null };
  });
}
