import { assertCan, type Ctx } from '../../platform/context.ts';
import { DEFAULT_POLICY, SeverityPolicyDocument, type SeverityPolicy } from './policy-schemas.ts';
import { incidentsDb, iso } from './store.ts';

/** The organization's severity policy; the defaults (version 0) until one is saved. */
export async function getSeverityPolicy({ ctx }: { ctx: Ctx }): Promise<SeverityPolicy> {
  assertCan(ctx, 'read');
  return policyOf(ctx);
}

export async function policyOf(ctx: Ctx): Promise<SeverityPolicy> {
  const row = await incidentsDb(ctx.db).selectFrom('severity_policies').selectAll().where('org_id', '=', ctx.orgId).executeTakeFirst();
  if (!row) return { version: 0, document: DEFAULT_POLICY, updatedAt: null, updatedBy: null };
  return { version: Number(row.version), document: SeverityPolicyDocument.parse(JSON.parse(row.document)), updatedAt: iso(row.updated_at), updatedBy: row.updated_by };
}
