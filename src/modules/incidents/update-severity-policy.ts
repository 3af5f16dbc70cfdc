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
    const row = { org_id: tx.orgId, version: 1, document: JSON.stringify(document), updated_at: now, updated_by: tx.actor.display };
    // The increment happens in the upsert, so two saves at once get two versions.
    const saved = await incidentsDb(tx.db)
      .insertInto('severity_policies')
      .values(row)
      .onConflict((oc) => oc.column('org_id').doUpdateSet((eb) => ({ version: eb('severity_policies.version', '+', 1), document: row.document, updated_at: now, updated_by: row.updated_by })))
      .returning('version')
      .executeTakeFirstOrThrow();
    const version = Number(saved.version);
    await recordAudit(tx, { action: 'severity_policy.update', subject: { type: 'severity_policy', id: tx.orgId }, data: { version, before: before.document, after: document } });
    return { version, document, updatedAt: new Date(now).toISOString(), updatedBy: row.updated_by };
  });
}
