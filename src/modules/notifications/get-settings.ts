import { assertCan, type Ctx } from '../../platform/context.ts';
import { readSettings } from './notification-settings.ts';
import type { NotificationSettings } from './schemas.ts';

export async function getNotificationSettings({ ctx }: { ctx: Ctx }): Promise<NotificationSettings> {
  assertCan(ctx, 'read');
  return readSettings(ctx);
}
