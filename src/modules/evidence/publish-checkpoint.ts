import { raiseAlert } from '../alerts/index.ts';
import { HOUR } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import type { SecretBox } from '../../platform/crypto/index.ts';
import { enqueuePublishAttempt } from './schedule-publications.ts';
import { evidenceDb, toCheckpoint } from './store.ts';
import { readSettings } from './witness-store.ts';
import { WITNESS_KINDS } from './witnesses/index.ts';

/** The first attempt and six hourly retries; then the failure is raised as an alert. */
export const PUBLISH_ATTEMPTS = 7;
export const PUBLICATION_ALERT = 'CheckpointPublicationFailed';

const alertKey = (witnessId: string) => `checkpoint-publication:${witnessId}`;
const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

async function alertFailure(ctx: Ctx, witness: { id: string; name: string; type: string }, error: string): Promise<void> {
  await raiseAlert({
    ctx: { ...ctx, role: 'owner' },
    input: {
      dedupKey: alertKey(witness.id),
      source: 'self',
      severity: 'error',
      labels: { alertname: PUBLICATION_ALERT, witness: witness.name, witness_type: witness.type, component: 'audit' },
      annotations: { summary: `Witness ${witness.name} has not accepted an audit checkpoint after ${PUBLISH_ATTEMPTS} hourly attempts`, description: error },
    },
  });
}

/** One attempt to hand a checkpoint to a witness; a failure books the next attempt an hour later. */
export async function publishCheckpoint({ ctx, publicationId, secrets, signal }: { ctx: Ctx; publicationId: string; secrets: () => SecretBox; signal: AbortSignal }): Promise<void> {
  const q = evidenceDb(ctx.db);
  const pub = await q.selectFrom('evidence_publications').selectAll().where('org_id', '=', ctx.orgId).where('id', '=', publicationId).executeTakeFirst();
  if (!pub || pub.status !== 'pending') return;
  const now = () => ctx.clock.now();
  const witness = await q.selectFrom('evidence_witnesses').selectAll().where('org_id', '=', ctx.orgId).where('id', '=', pub.witness_id).executeTakeFirst();
  if (!witness) {
    await q.updateTable('evidence_publications').set({ status: 'failed', last_error: 'the witness was deleted', updated_at: now() }).where('id', '=', pub.id).execute();
    return;
  }
  const row = await q.selectFrom('audit_checkpoints').selectAll().where('id', '=', pub.checkpoint_id).executeTakeFirstOrThrow();
  const key = await q.selectFrom('evidence_signing_keys').select('public_key').where('key_id', '=', row.key_id).executeTakeFirstOrThrow();
  const checkpoint = toCheckpoint(row);
  const document = Buffer.from(JSON.stringify({ type: 'custos.audit.checkpoint', checkpoint, publicKey: key.public_key }, null, 2));
  const kind = WITNESS_KINDS[witness.type];
  const attempts = pub.attempts + 1;
  try {
    const settings = kind.settings.parse(readSettings(secrets(), witness));
    const receipt = await kind.publish({ checkpoint, document, settings, signal });
    await q.updateTable('evidence_publications').set({ status: 'published', attempts, receipt, published_at: now(), updated_at: now() }).where('id', '=', pub.id).execute();
    // The witness works again: an alert about it (if any) is resolved.
    await raiseAlert({ ctx: { ...ctx, role: 'owner' }, input: { dedupKey: alertKey(witness.id), status: 'resolved', source: 'self' } });
  } catch (err) {
    const error = message(err);
    const last = attempts >= PUBLISH_ATTEMPTS;
    await q.updateTable('evidence_publications').set({ status: last ? 'failed' : 'pending', attempts, last_error: error, updated_at: now() }).where('id', '=', pub.id).execute();
    if (last) await alertFailure(ctx, witness, error);
    else await enqueuePublishAttempt(ctx, pub.id, attempts + 1, now() + HOUR);
  }
}
