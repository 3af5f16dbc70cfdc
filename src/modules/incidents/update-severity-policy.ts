import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { fieldIssues, ValidationError } from '../../platform/errors.ts';
import { policyOf } from './get-severity-policy.ts';
import { SeverityPolicyDocument, type SeverityPolicy } from './policy-schemas.ts';
import { incidentsDb } from './store.ts';

/** Saves a new version of the organization's severity policy, audited with the document before and after. */
export async function updateSeverityPolicy({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<SeverityPolicy> {
  assertCan(ctx, 'write');
  const parsed = SeverityPolicyDocument.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues));
  const document = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const before = await policyOf(tx);
    const now = tx.clock.now();
    const version = before.version + 1;
    const row = { org_id: tx.orgId, version, document: JSON.stringify(document), updated_at: now, updated_by: tx.actor.display };
    await incidentsDb(tx.db)
      .insertInto('severity_policies')
      .values(row)
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ version, document: row.document, updated_at: now, updated_by: row.updated_by }))
      .execute();
    await recordAudit(tx, { action: 'severity_policy.update', subject: { type: 'severity_policy', id: tx.orgId }, data: { version, before: before.document, after: document } });
    return { version, document, updatedAt: new Date(now).toISOString(), updatedBy: row.updated_by };
  });
}
