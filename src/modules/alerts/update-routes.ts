import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { PreconditionFailedError, ValidationError } from '../../platform/errors.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { toRoutingState } from './get-routes.ts';
import { REROUTE_JOB, type ReroutePayload } from './reroute-alerts.ts';
import { validateRoutingDocument } from './routing-document.ts';
import type { RoutingState } from './schemas.ts';
import { alertsDb, currentRouting } from './store.ts';

const mismatch = (current: number) =>
  new PreconditionFailedError(`The routing document is at version ${current}; reload it and apply the change again`, 'ROUTES_VERSION_MISMATCH', { currentVersion: current });

/**
 * Saves a new version of the organization's routing document after checking all of it, audited
 * with the document before and after. Firing alerts are then routed again by a durable job, as
 * Alertmanager re-routes its alerts when its configuration is reloaded.
 */
export async function updateRoutes({ ctx, input, expectedVersion }: { ctx: Ctx; input: unknown; expectedVersion?: number }): Promise<RoutingState> {
  assertCan(ctx, 'admin');
  const checked = validateRoutingDocument(input);
  if ('issues' in checked) throw new ValidationError(checked.issues);
  return inTransaction(ctx, async (tx) => {
    const current = await currentRouting(tx.db, tx.orgId);
    if (expectedVersion !== undefined && expectedVersion !== current.version) throw mismatch(current.version);
    const now = tx.clock.now();
    const version = current.version + 1;
    const inserted = await alertsDb(tx.db)
      .insertInto('alert_routing')
      .values({ org_id: tx.orgId, version, document: JSON.stringify(checked.document), created_at: now, created_by: tx.actor.display })
      .onConflict((oc) => oc.columns(['org_id', 'version']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) throw mismatch(version);
    await recordAudit(tx, { action: 'routes.update', subject: { type: 'routes', id: tx.orgId }, data: { version, before: current.document, after: checked.document } });
    const payload: ReroutePayload = { orgId: tx.orgId, version };
    await enqueueJob(tx.db, now, { kind: REROUTE_JOB, orgId: tx.orgId, dueAt: now, idempotencyKey: `alert-reroute:${tx.orgId}:${version}`, payload });
    return toRoutingState(await currentRouting(tx.db, tx.orgId));
  });
}
