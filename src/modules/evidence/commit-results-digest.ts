import { listAuditEvents, recordAudit } from '../audit/index.ts';
import { DAY } from '../../platform/clock.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { dayOf, digestDay, monitorIds, RESULTS_DIGEST_ACTION, type DayDigest } from './results-digest.ts';

/**
 * Appends the digest of every monitor's raw results of one UTC day (default: yesterday) to the
 * organization's audit chain, once per day, so a later edit of raw results shows, even after they expire.
 */
export async function commitResultsDigest({ ctx, day }: { ctx: Ctx; day?: string }): Promise<DayDigest | null> {
  const which = day ?? dayOf(ctx.clock.now() - DAY);
  const done = await listAuditEvents({ ctx: { ...ctx, role: 'auditor' }, input: { action: RESULTS_DIGEST_ACTION, subject: `results_day:${which}`, limit: 1 } });
  if (done.data.length > 0) return null;
  const digest = await digestDay(ctx, which, await monitorIds(ctx));
  await inTransaction(ctx, (tx) => recordAudit(tx, { action: RESULTS_DIGEST_ACTION, subject: { type: 'results_day', id: which }, data: digest }));
  return digest;
}
