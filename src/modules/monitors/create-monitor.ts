import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { ProbeRegistry } from './probes/index.ts';
import type { MonitorsTable } from './schema.ts';
import type { CreateMonitorInput, Monitor } from './schemas.ts';
import { sealSettings } from './secret-settings.ts';
import { defaultRetryInterval, defaultTimeoutMs, parseMonitorSettings } from './settings.ts';
import { monitorsDb, toMonitor } from './store.ts';

export const MONITORS_CHANGED = 'monitors.changed';

export async function createMonitor({ ctx, input, probes }: { ctx: Ctx; input: CreateMonitorInput; probes: ProbeRegistry }): Promise<Monitor> {
  assertCan(ctx, 'write');
  const sealed = sealSettings(probes.get(input.type).secretPaths ?? [], parseMonitorSettings(probes, input.type, input.settings), ctx.secrets);
  const now = ctx.clock.now();
  const row: MonitorsTable = {
    id: newId(now),
    org_id: ctx.orgId,
    name: input.name,
    type: input.type,
    settings: sealed.settings,
    secrets: sealed.secrets,
    labels: JSON.stringify(input.labels),
    interval_s: input.interval,
    timeout_ms: input.timeoutMs ?? defaultTimeoutMs(input.interval),
    retry_interval_s: Math.min(input.retryInterval ?? defaultRetryInterval(input.interval), input.interval),
    confirm_down: input.confirmDown,
    confirm_up: input.confirmUp,
    paused: input.paused ? 1 : 0,
    state: input.paused ? 'paused' : 'pending',
    state_since: now,
    state_reason: null,
    health_state: 'pending',
    consecutive_failures: 0,
    consecutive_successes: 0,
    last_check_at: null,
    last_outcome: null,
    last_latency_ms: null,
    next_due_at: input.paused ? null : now,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(ctx, async (tx) => {
    await monitorsDb(tx.db).insertInto('monitors').values(row).execute();
    await recordAudit(tx, { action: 'monitor.create', subject: { type: 'monitor', id: row.id }, data: { after: toMonitor(row) } });
  });
  return toMonitor(row);
}
