import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { fieldIssues, ValidationError } from '../../platform/errors.ts';
import { EvidenceSettings } from './schemas.ts';
import { evidenceDb } from './store.ts';

async function load(ctx: Ctx): Promise<EvidenceSettings> {
  const row = await evidenceDb(ctx.db).selectFrom('evidence_settings').select('export_dir').where('org_id', '=', ctx.orgId).executeTakeFirst();
  return { exportDir: row?.export_dir ?? null };
}

export async function getEvidenceSettings({ ctx }: { ctx: Ctx }): Promise<EvidenceSettings> {
  assertCan(ctx, 'audit');
  return load(ctx);
}

export async function updateEvidenceSettings({ ctx, input }: { ctx: Ctx; input: EvidenceSettings }): Promise<EvidenceSettings> {
  assertCan(ctx, 'admin');
  const parsed = EvidenceSettings.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues));
  return inTransaction(ctx, async (tx) => {
    const before = await load(tx);
    const now = tx.clock.now();
    await evidenceDb(tx.db)
      .insertInto('evidence_settings')
      .values({ org_id: tx.orgId, export_dir: parsed.data.exportDir, updated_at: now })
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ export_dir: parsed.data.exportDir, updated_at: now }))
      .execute();
    await recordAudit(tx, { action: 'evidence_settings.update', subject: { type: 'evidence_settings', id: tx.orgId }, data: { before, after: parsed.data } });
    return parsed.data;
  });
}
