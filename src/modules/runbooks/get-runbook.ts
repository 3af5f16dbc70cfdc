import { assertCan, type Ctx } from '../../platform/context.ts';
import type { Runbook } from './schemas.ts';
import { getRunbookInOrg, toRunbook } from './store.ts';

/** By id or slug, with its markdown rendered to safe HTML. */
export async function getRunbook({ ctx, id }: { ctx: Ctx; id: string }): Promise<Runbook> {
  assertCan(ctx, 'read');
  return toRunbook(await getRunbookInOrg(ctx, id));
}
