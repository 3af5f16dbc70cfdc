import { inTransaction, serviceCtx, type Actor, type Ctx, type Services } from '../../platform/context.ts';
import { createMonitor, DEFAULT_HEARTBEAT_PERIOD_S, listMonitors, type ProbeRegistry } from '../monitors/index.ts';
import { ensureHeartbeats } from './ensure-heartbeats.ts';
import { sourceOf } from './heartbeat-row.ts';
import { hashPingKey } from './rotate-ping-key.ts';
import { heartbeatsBySlug, lockPingKey, orgByPingKeyHash } from './store.ts';

export type SlugTarget = { status: 'found'; monitorId: string } | { status: 'created'; monitorId: string } | { status: 'not_found' } | { status: 'ambiguous' };

const SLUG_CREATE_ACTOR: Actor = { type: 'webhook', id: 'heartbeat-ping-key', display: 'Heartbeat ping with ?create=1' };
const DEFAULT_GRACE_S = 3_600;

/** Brings the organization's heartbeat rows up to date, so slugs set or changed since are known. */
async function syncOrg(ctx: Ctx): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await listMonitors({ ctx, input: { type: 'heartbeat', cursor, limit: 1000 } });
    await ensureHeartbeats(ctx.db, page.data.map((m) => sourceOf(m, ctx.orgId)), ctx.clock.now(), { rows: false });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

function judge(rows: { monitor_id: string }[]): SlugTarget | null {
  if (rows.length === 1) return { status: 'found', monitorId: rows[0].monitor_id };
  if (rows.length > 1) return { status: 'ambiguous' };
  return null;
}

/**
 * Finds the heartbeat a `/ping/<ping-key>/<slug>` URL names. With `create`, an unknown slug
 * becomes a new heartbeat monitor (one day, one hour of grace), created at most once per slug.
 */
export async function resolveSlug(input: { services: Services; probes: ProbeRegistry; key: string; slug: string; create: boolean; synced?: () => Promise<unknown> }): Promise<SlugTarget> {
  const { services, probes, key, slug, create } = input;
  // Monitors this process just created or changed must be known before a slug is judged.
  await input.synced?.();
  const orgId = await orgByPingKeyHash(services.db, hashPingKey(key));
  if (orgId === null) return { status: 'not_found' };
  const found = judge(await heartbeatsBySlug(services.db, orgId, slug));
  if (found?.status === 'found') return found;
  const ctx = serviceCtx(services, orgId, SLUG_CREATE_ACTOR, 'admin');
  await syncOrg(ctx);
  const synced = judge(await heartbeatsBySlug(services.db, orgId, slug));
  if (synced || !create) return synced ?? { status: 'not_found' };
  return inTransaction(ctx, async (tx) => {
    await lockPingKey(tx.db, tx.dialect, orgId);
    const raced = judge(await heartbeatsBySlug(tx.db, orgId, slug));
    if (raced) return raced;
    const monitor = await createMonitor({
      ctx: tx,
      probes,
      input: { name: slug, type: 'heartbeat', settings: { slug, period: DEFAULT_HEARTBEAT_PERIOD_S, grace: DEFAULT_GRACE_S }, labels: {}, interval: 60, confirmDown: 1, confirmUp: 1, paused: false },
    });
    await ensureHeartbeats(tx.db, [sourceOf(monitor, orgId)], tx.clock.now(), { rows: false });
    return { status: 'created', monitorId: monitor.id };
  });
}
