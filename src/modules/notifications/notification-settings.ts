import type { Ctx } from '../../platform/context.ts';
import type { NotificationSettingsTable } from './schema.ts';
import type { NotificationSettings } from './schemas.ts';
import { findSettingsRow, iso } from './store.ts';

export function toSettings(row: NotificationSettingsTable | undefined): NotificationSettings {
  return {
    fallbackChannelId: row?.fallback_channel_id ?? null,
    redactFields: row ? (JSON.parse(row.redact_fields) as string[]) : [],
    updatedAt: row ? iso(row.updated_at) : null,
  };
}

export async function readSettings(ctx: Ctx): Promise<NotificationSettings> {
  return toSettings(await findSettingsRow(ctx.db, ctx.orgId));
}
