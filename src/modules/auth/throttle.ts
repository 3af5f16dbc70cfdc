import type { Executor } from '../../platform/db/index.ts';
import { authDb } from './store.ts';

const FREE_FAILURES = 5;
const MAX_LOCK_MS = 15 * 60_000;

function lockFor(failures: number): number {
  return Math.min(MAX_LOCK_MS, 1000 * 2 ** (failures - FREE_FAILURES));
}

/**
 * Charges one failure before the password is checked, with a conditional update, so a burst of
 * parallel guesses cannot slip past the lock: only attempts that find the key unlocked proceed.
 * A correct password then clears the charge.
 */
export async function chargeLoginAttempt(db: Executor, key: string, now: number): Promise<{ allowed: boolean; retryAfterMs: number }> {
  const q = authDb(db);
  await q.insertInto('login_throttle').values({ key, failures: 0, locked_until: null, updated_at: now }).onConflict((oc) => oc.column('key').doNothing()).execute();
  for (let attempt = 0; attempt < 20; attempt++) {
    const row = await q.selectFrom('login_throttle').select(['failures', 'locked_until']).where('key', '=', key).executeTakeFirstOrThrow();
    const lockedUntil = row.locked_until === null ? null : Number(row.locked_until);
    if (lockedUntil !== null && lockedUntil > now) return { allowed: false, retryAfterMs: Math.max(1000, lockedUntil - now) };
    const failures = Number(row.failures) + 1;
    const result = await q
      .updateTable('login_throttle')
      .set({ failures, locked_until: failures >= FREE_FAILURES ? now + lockFor(failures) : null, updated_at: now })
      .where('key', '=', key)
      .where('failures', '=', row.failures)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) return { allowed: true, retryAfterMs: 0 };
  }
  return { allowed: false, retryAfterMs: 1000 };
}

export async function clearLoginFailures(db: Executor, key: string, now: number): Promise<void> {
  await authDb(db).updateTable('login_throttle').set({ failures: 0, locked_until: null, updated_at: now }).where('key', '=', key).execute();
}
