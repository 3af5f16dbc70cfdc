import type { SecretBox } from '../../platform/crypto/index.ts';
import type { Executor } from '../../platform/db/index.ts';
import { openSettings, maskedSettings } from './channel-settings.ts';
import type { ChannelRegistry } from './channels/index.ts';
import type { ChannelsTable, NotificationTables, ReceiptsTable } from './schema.ts';
import type { Channel, Receipt } from './schemas.ts';

export const notificationsDb = (db: Executor) => db.withTables<NotificationTables>();

export const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** What a channel still lacks to send; a channel whose secrets cannot be opened lacks all of them. */
export function missingCredentialsOf(row: ChannelsTable, registry: ChannelRegistry, box: SecretBox): string[] {
  const type = registry.find(row.type);
  if (!type) return [];
  try {
    const parsed = type.settingsSchema.safeParse(openSettings(row, box));
    return parsed.success ? type.missingCredentials(parsed.data) : [];
  } catch {
    return [...type.secretFields];
  }
}

export function toChannel(row: ChannelsTable, registry: ChannelRegistry, box: SecretBox): Channel {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    settings: maskedSettings(row, box),
    labels: JSON.parse(row.labels),
    template: row.template ? JSON.parse(row.template) : null,
    enabled: Boolean(row.enabled),
    missingCredentials: missingCredentialsOf(row, registry, box),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

export function toReceipt(row: ReceiptsTable): Receipt {
  return {
    id: row.id,
    at: iso(row.at)!,
    channelId: row.channel_id,
    channelType: row.channel_type,
    dispatchId: row.dispatch_id,
    alertIds: JSON.parse(row.alert_ids),
    groupKey: row.group_key,
    kind: row.message_kind,
    attempt: row.attempt,
    status: row.state as Receipt['status'],
    statusCode: row.status_code,
    latencyMs: row.latency_ms,
    error: row.error,
    idempotencyKey: row.idempotency_key,
    test: Boolean(row.test),
    fallback: Boolean(row.fallback),
    nextAttemptAt: iso(row.next_attempt_at),
  };
}

export async function findChannelRow(db: Executor, orgId: string, id: string): Promise<ChannelsTable | undefined> {
  return notificationsDb(db).selectFrom('notification_channels').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function findSettingsRow(db: Executor, orgId: string) {
  return notificationsDb(db).selectFrom('notification_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function redactFieldsOf(db: Executor, orgId: string): Promise<string[]> {
  const row = await findSettingsRow(db, orgId);
  return row ? (JSON.parse(row.redact_fields) as string[]) : [];
}

export async function insertReceipt(db: Executor, row: ReceiptsTable): Promise<void> {
  await notificationsDb(db).insertInto('notification_receipts').values(row).execute();
}
