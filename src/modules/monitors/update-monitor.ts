import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { getMonitorInOrg } from './get-monitor.ts';
import type { ProbeRegistry } from './probes/index.ts';
import type { MonitorsTable } from './schema.ts';
import type { Monitor, UpdateMonitorInput } from './schemas.ts';
import { openSettings, restoreSecrets, sealSettings } from './secret-settings.ts';
import { defaultRetryInterval, parseMonitorSettings } from './settings.ts';
import { monitorsDb, toMonitor } from './store.ts';

export async function updateMonitor({ ctx, id, input, probes }: { ctx: Ctx; id: string; input: UpdateMonitorInput; probes: ProbeRegistry }): Promise<Monitor> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    const before = await getMonitorInOrg(tx, id);
    const now = tx.clock.now();
    const interval = input.interval ?? before.interval_s;
    const changes: Partial<MonitorsTable> = { updated_at: now };
    if (input.name !== undefined) changes.name = input.name;
    if (input.settings !== undefined) {
      const paths = probes.get(before.type).secretPaths ?? [];
      const sent = restoreSecrets(paths, input.settings, JSON.parse(before.settings), openSettings(before, tx.secrets));
      Object.assign(changes, sealSettings(paths, parseMonitorSettings(probes, before.type, sent), tx.secrets));
    }
    if (input.labels !== undefined) changes.labels = JSON.stringify(input.labels);
    if (input.interval !== undefined) changes.interval_s = input.interval;
    if (input.timeoutMs !== undefined) changes.timeout_ms = input.timeoutMs;
    if (input.retryInterval !== undefined || input.interval !== undefined) {
      changes.retry_interval_s = Math.min(input.retryInterval ?? (input.interval !== undefined ? defaultRetryInterval(interval) : before.retry_interval_s), interval);
    }
    if (input.confirmDown !== undefined) changes.confirm_down = input.confirmDown;
    if (input.confirmUp !== undefined) changes.confirm_up = input.confirmUp;
    if (input.settings !== undefined || input.interval !== undefined) changes.next_due_at = before.paused ? null : now;
    await monitorsDb(tx.db).updateTable('monitors').set(changes).where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    const after = { ...before, ...changes };
    await recordAudit(tx, { action: 'monitor.update', subject: { type: 'monitor', id }, data: { before: toMonitor(before), after: toMonitor(after) } });
    return toMonitor(after);
  });
}
