import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { AlertKeysTable, DeliveriesTable, IntegrationsTable } from './schema.ts';
import { integrationsDb } from './store.ts';

export async function findIntegrationByTokenHash(db: Executor, hash: string): Promise<IntegrationsTable | undefined> {
  return integrationsDb(db).selectFrom('integrations').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

/** Deliveries to one integration queue behind each other on PostgreSQL (SQLite has one writer), so a replay check and the write it guards never interleave. */
export async function lockIntegration(ctx: Ctx, id: string): Promise<boolean> {
  const row = await integrationsDb(ctx.db)
    .selectFrom('integrations')
    .select('id')
    .where('id', '=', id)
    .$if(ctx.dialect === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The earlier delivery this one repeats: the same sender delivery id, or, for senders without one,
 * the same content as the last delivery that named every one of the same alerts.
 */
export async function findReplay(ctx: Ctx, integrationId: string, probe: { senderDeliveryId?: string; contentHash: string; dedupKeys: string[] }): Promise<DeliveriesTable | undefined> {
  const q = integrationsDb(ctx.db);
  if (probe.senderDeliveryId) {
    return q.selectFrom('integration_deliveries').selectAll().where('integration_id', '=', integrationId).where('sender_delivery_id', '=', probe.senderDeliveryId).executeTakeFirst();
  }
  if (probe.dedupKeys.length === 0) return undefined;
  const keys = await q.selectFrom('integration_alert_keys').selectAll().where('integration_id', '=', integrationId).where('dedup_key', 'in', probe.dedupKeys).execute();
  if (keys.length !== probe.dedupKeys.length || keys.some((k) => k.last_content_hash !== probe.contentHash)) return undefined;
  const latest = keys.map((k) => k.last_delivery_id).sort().at(-1)!;
  return q.selectFrom('integration_deliveries').selectAll().where('integration_id', '=', integrationId).where('id', '=', latest).executeTakeFirst();
}

export async function countRedelivery(ctx: Ctx, id: string, at: number): Promise<void> {
  await integrationsDb(ctx.db)
    .updateTable('integration_deliveries')
    .set((eb) => ({ redeliveries: eb('redeliveries', '+', 1), last_redelivery_at: at }))
    .where('id', '=', id)
    .execute();
}

export async function insertDelivery(db: Executor, row: DeliveriesTable): Promise<void> {
  await integrationsDb(db).insertInto('integration_deliveries').values(row).execute();
}

export async function alertIdFor(ctx: Ctx, integrationId: string, dedupKey: string): Promise<string | null> {
  const row = await integrationsDb(ctx.db).selectFrom('integration_alert_keys').select('alert_id').where('integration_id', '=', integrationId).where('dedup_key', '=', dedupKey).executeTakeFirst();
  return row?.alert_id ?? null;
}

/** Remembers, per alert, the alert id and the delivery that last named it; an unknown alert id keeps the one stored. */
export async function saveAlertKeys(ctx: Ctx, rows: AlertKeysTable[]): Promise<void> {
  for (const row of rows) {
    await integrationsDb(ctx.db)
      .insertInto('integration_alert_keys')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['integration_id', 'dedup_key']).doUpdateSet((eb) => ({
          alert_id: eb.fn.coalesce('excluded.alert_id', 'integration_alert_keys.alert_id'),
          last_content_hash: eb.ref('excluded.last_content_hash'),
          last_delivery_id: eb.ref('excluded.last_delivery_id'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}
