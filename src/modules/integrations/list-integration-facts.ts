import { assertCan, type Ctx } from '../../platform/context.ts';
import { iso, integrationsDb } from './store.ts';

export interface IntegrationFact {
  id: string;
  name: string;
  type: string;
  labels: Record<string, string>;
  createdAt: string;
}

/** Every integration's name, type and labels, without settings or secrets. */
export async function listIntegrationFacts({ ctx }: { ctx: Ctx }): Promise<IntegrationFact[]> {
  assertCan(ctx, 'read');
  const rows = await integrationsDb(ctx.db).selectFrom('integrations').select(['id', 'name', 'type', 'labels', 'created_at']).where('org_id', '=', ctx.orgId).orderBy('name').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, type: r.type, labels: JSON.parse(r.labels), createdAt: iso(r.created_at)! }));
}
