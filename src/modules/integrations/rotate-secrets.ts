import type { SecretBox } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { integrationsDb } from './store.ts';

/** Re-encrypts every integration secret under the current key; answers how many changed. */
export async function reencryptIntegrationSecrets(db: Db, box: SecretBox): Promise<number> {
  const rows = await integrationsDb(db).selectFrom('integrations').select(['id', 'secrets']).where('secrets', 'is not', null).execute();
  let changed = 0;
  for (const row of rows) {
    if (!box.needsRotation(row.secrets!)) continue;
    await integrationsDb(db).updateTable('integrations').set({ secrets: box.reencrypt(row.secrets!) }).where('id', '=', row.id).where('secrets', '=', row.secrets).execute();
    changed++;
  }
  return changed;
}
