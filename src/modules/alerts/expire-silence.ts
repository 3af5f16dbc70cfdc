import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { alertsMutedBy, requestFlushForAlerts } from './flush-schedule.ts';
import type { Silence } from './schemas.ts';
import { getSilenceInOrg } from './get-silence.ts';
import { alertsDb, toSilence } from './store.ts';

/** Ends a silence now (a pending one never starts). Expiring an expired silence changes nothing. */
export async function expireSilence({ ctx, id }: { ctx: Ctx; id: string }): Promise<Silence> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    const before = await getSilenceInOrg(tx, id, true);
    const now = tx.clock.now();
    if (Number(before.ends_at) <= now) return toSilence(before, now);
    const changes = { ends_at: now, starts_at: Math.min(Number(before.starts_at), now), updated_at: now };
    await alertsDb(tx.db).updateTable('silences').set(changes).where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    const after = { ...before, ...changes };
    await recordAudit(tx, { action: 'silence.expire', subject: { type: 'silence', id }, data: { before: toSilence(before, now), after: toSilence(after, now) } });
    await requestFlushForAlerts(tx, await alertsMutedBy(tx, 'silenced_by', id));
    return toSilence(after, now);
  });
}
