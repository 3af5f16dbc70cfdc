import { assertCan, type Ctx } from '../../platform/context.ts';
import type { StatusPage } from './schemas.ts';
import { getPageInOrg, toStatusPage } from './store.ts';

export async function getStatusPage({ ctx, id }: { ctx: Ctx; id: string }): Promise<StatusPage> {
  assertCan(ctx, 'read');
  return toStatusPage(await getPageInOrg(ctx, id));
}
