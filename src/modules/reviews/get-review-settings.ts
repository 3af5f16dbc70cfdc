import { assertCan, type Ctx } from '../../platform/context.ts';
import type { ReviewSettings } from './schemas.ts';
import { readSettingsRow, toSettings } from './store.ts';

export async function getReviewSettings({ ctx }: { ctx: Ctx }): Promise<ReviewSettings> {
  assertCan(ctx, 'read');
  return toSettings(await readSettingsRow(ctx));
}
