import { inTransaction, serviceCtx, type Actor, type Services } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { applyChange } from './apply-change.ts';
import { countRedelivery, findReplay, insertDelivery, lockIntegration, saveAlertKeys } from './delivery-store.ts';
import { answerFor } from './hook-answer.ts';
import { schedulePrune } from './prune-deliveries.ts';
import type { DeliveriesTable, IntegrationsTable } from './schema.ts';
import type { AnyIntegrationType } from './types/registry.ts';
import type { AppliedChange, DeliveryReport, ParsedDelivery, Rejection } from './types/types.ts';

export interface DeliveryMeta {
  receivedAt: number;
  contentHash: string;
  bodyBytes: number;
}

const actorOf = (row: IntegrationsTable): Actor => ({ type: 'webhook', id: row.id, display: `integration "${row.name}"` });

function reportOf(row: DeliveriesTable, duplicate: boolean): DeliveryReport {
  return { id: row.id, duplicate, outcome: row.outcome, event: row.event, changes: JSON.parse(row.changes) as AppliedChange[], rejection: null };
}

function deliveryRow(integration: IntegrationsTable, meta: DeliveryMeta, fields: Pick<DeliveriesTable, 'id' | 'event' | 'sender_delivery_id' | 'outcome' | 'status' | 'error' | 'note'> & { changes: AppliedChange[] }): DeliveriesTable {
  return {
    ...fields,
    org_id: integration.org_id,
    integration_id: integration.id,
    received_at: meta.receivedAt,
    content_hash: meta.contentHash,
    body_bytes: meta.bodyBytes,
    dedup_keys: JSON.stringify([...new Set(fields.changes.map((c) => c.dedupKey))]),
    changes: JSON.stringify(fields.changes),
    redeliveries: 0,
    last_redelivery_at: null,
  };
}

/**
 * Applies a parsed delivery in one transaction: the replay check, every alert change, and the
 * delivery row commit together, so the sender is answered only once all of it is durable.
 */
export async function applyDelivery(services: Services, integration: IntegrationsTable, type: AnyIntegrationType, parsed: ParsedDelivery, meta: DeliveryMeta): Promise<DeliveryReport> {
  const ctx = serviceCtx(services, integration.org_id, actorOf(integration), 'responder');
  const labels = JSON.parse(integration.labels) as Record<string, string>;
  return inTransaction(ctx, async (tx) => {
    if (!(await lockIntegration(tx, integration.id))) throw new NotFoundError('Integration', 'INTEGRATION_NOT_FOUND');
    const dedupKeys = [...new Set(parsed.changes.map((c) => c.dedupKey))];
    const replayed = await findReplay(tx, integration.id, { senderDeliveryId: parsed.senderDeliveryId, contentHash: meta.contentHash, dedupKeys });
    if (replayed) {
      await countRedelivery(tx, replayed.id, meta.receivedAt);
      return reportOf(replayed, true);
    }
    const id = newId(meta.receivedAt);
    const changes: AppliedChange[] = [];
    // Alert rows are locked as they change; taking them in key order keeps two deliveries naming the same alerts from deadlocking.
    const ordered = parsed.changes.toSorted((x, y) => (x.dedupKey < y.dedupKey ? -1 : x.dedupKey > y.dedupKey ? 1 : 0));
    for (const change of ordered) changes.push(await applyChange(tx, { id: integration.id, labels }, change));
    const report: DeliveryReport = { id, duplicate: false, outcome: changes.length > 0 ? 'processed' : 'ignored', event: parsed.event, changes, rejection: null };
    const status = answerFor(type, report, '').status;
    await insertDelivery(tx.db, deliveryRow(integration, meta, { id, event: parsed.event, sender_delivery_id: parsed.senderDeliveryId ?? null, outcome: report.outcome, status, error: null, note: parsed.ignored ?? null, changes }));
    await schedulePrune(tx.db, meta.receivedAt, integration.org_id, integration.id);
    const alertIds = new Map(changes.filter((c) => c.alertId !== null).map((c) => [c.dedupKey, c.alertId]));
    const now = tx.clock.now();
    await saveAlertKeys(
      tx,
      dedupKeys.map((dedupKey) => ({ integration_id: integration.id, dedup_key: dedupKey, org_id: integration.org_id, alert_id: alertIds.get(dedupKey) ?? null, last_content_hash: meta.contentHash, last_delivery_id: id, updated_at: now })),
    );
    return report;
  });
}

/** A refused delivery is recorded too (without the sender's id, so a corrected redelivery is not taken for a replay). */
export async function recordRejection(services: Services, integration: IntegrationsTable, type: AnyIntegrationType, meta: DeliveryMeta, rejection: Rejection, event: string | null): Promise<DeliveryReport> {
  const id = newId(meta.receivedAt);
  const report: DeliveryReport = { id, duplicate: false, outcome: 'rejected', event, changes: [], rejection };
  const error = [rejection.message, ...rejection.errors.filter((e) => e !== rejection.message)].join('; ').slice(0, 2000);
  try {
    await insertDelivery(services.db, deliveryRow(integration, meta, { id, event, sender_delivery_id: null, outcome: 'rejected', status: answerFor(type, report, '').status, error, note: null, changes: [] }));
    await schedulePrune(services.db, meta.receivedAt, integration.org_id, integration.id);
  } catch (err) {
    services.logger.warn({ err, integrationId: integration.id }, 'a refused delivery could not be recorded');
  }
  return report;
}
