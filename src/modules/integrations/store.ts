import type { SecretBox } from '../../platform/crypto/index.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { DeliveriesTable, IntegrationsTable, IntegrationTables } from './schema.ts';
import type { Delivery, Integration } from './schemas.ts';
import { maskedSettings } from './settings.ts';

export const integrationsDb = (db: Executor) => db.withTables<IntegrationTables>();

export const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function toIntegration(row: IntegrationsTable, box: () => SecretBox): Integration {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    settings: maskedSettings(row, box),
    labels: JSON.parse(row.labels),
    tokenPrefix: row.token_prefix,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

export function toDelivery(row: DeliveriesTable): Delivery {
  return {
    id: row.id,
    integrationId: row.integration_id,
    receivedAt: iso(row.received_at)!,
    event: row.event,
    senderDeliveryId: row.sender_delivery_id,
    contentHash: row.content_hash,
    bodyBytes: Number(row.body_bytes),
    status: Number(row.status),
    outcome: row.outcome,
    dedupKeys: JSON.parse(row.dedup_keys),
    changes: JSON.parse(row.changes),
    error: row.error,
    note: row.note,
    redeliveries: Number(row.redeliveries),
    lastRedeliveryAt: iso(row.last_redelivery_at),
  };
}

export async function findIntegrationRow(db: Executor, orgId: string, id: string): Promise<IntegrationsTable | undefined> {
  return integrationsDb(db).selectFrom('integrations').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}
