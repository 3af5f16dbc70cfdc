import { recordAudit, SYSTEM_CHAIN } from '../audit/index.ts';
import { inTransaction, serviceCtx, type Actor, type Services } from '../../platform/context.ts';
import { rotateSigningKeyFile } from '../../platform/crypto/index.ts';
import { currentSigningKey } from './signing-keys.ts';
import { evidenceDb } from './store.ts';

/**
 * A new instance signing key. The old public key stays published with the end of its validity,
 * so checkpoints and packs it signed keep verifying. Audited in the installation's system chain.
 */
export async function rotateSigningKey({ services, actor }: { services: Services; actor: Actor }): Promise<{ keyId: string; previousKeyId: string }> {
  const now = services.clock.now();
  await currentSigningKey(services.db, services.config.dataDir, now);
  const { previous, current } = rotateSigningKeyFile(services.config.dataDir);
  await inTransaction(serviceCtx(services, SYSTEM_CHAIN, actor), async (tx) => {
    const q = evidenceDb(tx.db);
    await q.updateTable('evidence_signing_keys').set({ valid_to: now }).where('key_id', '=', previous.keyId).where('valid_to', 'is', null).execute();
    await q.insertInto('evidence_signing_keys').values({ key_id: current.keyId, public_key: current.publicKeyPem, valid_from: now, valid_to: null, created_at: now }).execute();
    await recordAudit(tx, { action: 'signing_key.rotate', subject: { type: 'signing_key', id: current.keyId }, data: { previousKeyId: previous.keyId } });
  });
  return { keyId: current.keyId, previousKeyId: previous.keyId };
}
