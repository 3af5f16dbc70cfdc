import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { authDb } from './store.ts';

export async function logout({ ctx, sessionId }: { ctx: Ctx; sessionId: string | null }): Promise<void> {
  if (!sessionId) return;
  await inTransaction(ctx, async (tx) => {
    await authDb(tx.db).deleteFrom('sessions').where('id', '=', sessionId).execute();
    await recordAudit(tx, { action: 'auth.logout', subject: { type: 'user', id: tx.actor.id } });
  });
}
