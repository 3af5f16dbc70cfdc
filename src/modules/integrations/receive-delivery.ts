import type { Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { applyDelivery, recordRejection, type DeliveryMeta } from './apply-delivery.ts';
import { findIntegrationByTokenHash } from './delivery-store.ts';
import type { IntegrationDeps } from './deps.ts';
import { contentHashOf, decodeJson } from './hook-request.ts';
import { openSettings } from './settings.ts';
import { hashHookToken, HOOK_TOKEN } from './token.ts';
import { rejection } from './types/common.ts';
import type { AnyIntegrationType } from './types/registry.ts';
import type { DeliveryReport, HookRequest } from './types/types.ts';

export interface ReceiveDeliveryInput {
  /** The secret from the URL (or PagerDuty's routing_key). */
  token: string;
  /** Set on a type's own URL (PagerDuty's /v2/enqueue): integrations of other types do not answer there. */
  routeType?: string;
  request: HookRequest;
}

export interface ReceivedDelivery {
  /** The type that answers the sender: the integration's, the route's, or none for an unknown token. */
  type: AnyIntegrationType | null;
  report: DeliveryReport;
}

const unknownToken = (): DeliveryReport => ({
  id: null,
  duplicate: false,
  outcome: 'rejected',
  event: null,
  changes: [],
  rejection: rejection(404, 'INTEGRATION_NOT_FOUND', 'No integration has this token'),
});

/**
 * A sender's delivery: find the integration by its token, check the sender's credentials, decode
 * and map the payload, then apply it (or recognise a replay) and record it. Refusals are recorded
 * too; an unknown token is not, since it names no organization.
 */
export async function receiveDelivery({ services, deps, input }: { services: Services; deps: IntegrationDeps; input: ReceiveDeliveryInput }): Promise<ReceivedDelivery> {
  const routeType = input.routeType ? (deps.registry.find(input.routeType) ?? null) : null;
  const row = HOOK_TOKEN.test(input.token) ? await findIntegrationByTokenHash(services.db, hashHookToken(input.token)) : undefined;
  const type = row ? deps.registry.find(row.type) : undefined;
  if (!row || !type || (routeType !== null && routeType !== type)) return { type: routeType, report: unknownToken() };

  const meta: DeliveryMeta = { receivedAt: services.clock.now(), contentHash: contentHashOf(input.request.body), bodyBytes: input.request.body.length };
  const refuse = async (r: ReturnType<typeof rejection>, event: string | null = null) => ({ type, report: await recordRejection(services, row, type, meta, r, event) });
  const settings = type.settingsSchema.parse(openSettings(row, deps.secrets));
  const refused = type.authenticate?.(input.request, settings) ?? null;
  if (refused) return refuse(refused);
  const json = decodeJson(input.request);
  if (!json.ok) return refuse(rejection(400, 'INVALID_JSON', json.message));
  const parsed = type.parse(json.value, input.request, settings, { integrationId: row.id, integrationName: row.name, contentHash: meta.contentHash, now: meta.receivedAt });
  if (!parsed.ok) return refuse(parsed.rejection);
  try {
    return { type, report: await applyDelivery(services, row, type, parsed.delivery, meta) };
  } catch (err) {
    if (err instanceof AppError && err.status === 400) return refuse(rejection(400, 'HOOK_PAYLOAD_INVALID', err.message), parsed.delivery.event);
    if (err instanceof AppError && err.code === 'INTEGRATION_NOT_FOUND') return { type: routeType, report: unknownToken() };
    throw err;
  }
}
