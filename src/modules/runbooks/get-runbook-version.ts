import { assertCan, type Ctx } from '../../platform/context.ts';
import type { RunbookVersion } from './schemas.ts';
import { getRunbookInOrg, getVersionOf, toVersion } from './store.ts';

export async function getRunbookVersion({ ctx, id, version }: { ctx: Ctx; id: string; version: number }): Promise<RunbookVersion> {
  assertCan(ctx, 'read');
  const runbook = await getRunbookInOrg(ctx, id);
  return toVersion(await getVersionOf(ctx, runbook.id, version));
}
