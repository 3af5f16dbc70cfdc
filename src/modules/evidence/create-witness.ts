import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import type { SecretBox } from '../../platform/crypto/index.ts';
import { fieldIssues, ValidationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { CreateWitnessInput, type Witness } from './schemas.ts';
import { evidenceDb } from './store.ts';
import { EMPTY_STATUS, toWitness } from './witness-store.ts';
import { WITNESS_KINDS } from './witnesses/index.ts';

/** Adds a place the organization's checkpoints are published to from the next hour on. Settings are stored encrypted. */
export async function createWitness({ ctx, input, secrets }: { ctx: Ctx; input: CreateWitnessInput; secrets: () => SecretBox }): Promise<Witness> {
  assertCan(ctx, 'admin');
  const parsed = CreateWitnessInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues));
  const settings = WITNESS_KINDS[parsed.data.type].settings.safeParse(parsed.data.settings);
  if (!settings.success) throw new ValidationError(fieldIssues(settings.error.issues, 'settings'));
  const box = secrets();
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const row = {
      id: newId(now),
      org_id: tx.orgId,
      name: parsed.data.name,
      type: parsed.data.type,
      settings: box.encrypt(JSON.stringify(settings.data)),
      enabled: parsed.data.enabled ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    await evidenceDb(tx.db).insertInto('evidence_witnesses').values(row).execute();
    const witness = toWitness(box, row, EMPTY_STATUS);
    await recordAudit(tx, { action: 'witness.create', subject: { type: 'witness', id: row.id }, data: { after: witness } });
    return witness;
  });
}
