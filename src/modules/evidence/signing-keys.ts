import { loadSigningKey, type SigningKey } from '../../platform/crypto/index.ts';
import type { Executor } from '../../platform/db/index.ts';
import { evidenceDb } from './store.ts';

/** The instance key from the data directory, its public half recorded (valid from now) the first time it is seen. */
export async function currentSigningKey(db: Executor, dataDir: string, now: number): Promise<SigningKey> {
  const key = loadSigningKey(dataDir);
  await evidenceDb(db)
    .insertInto('evidence_signing_keys')
    .values({ key_id: key.keyId, public_key: key.publicKeyPem, valid_from: now, valid_to: null, created_at: now })
    .onConflict((oc) => oc.column('key_id').doNothing())
    .execute();
  return key;
}
