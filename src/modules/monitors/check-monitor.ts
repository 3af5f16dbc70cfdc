import { assertCan, type Ctx } from '../../platform/context.ts';
import { getMonitorInOrg } from './get-monitor.ts';
import type { ProbeRegistry, ProbeResult } from './probes/index.ts';
import { openSettings } from './secret-settings.ts';
import { parseMonitorSettings } from './settings.ts';
import { runCheckOnce } from './test-monitor.ts';

/** Runs a saved monitor's check once, with its stored credentials, and stores nothing. */
export async function checkMonitor({ ctx, id, probes, signal }: { ctx: Ctx; id: string; probes: ProbeRegistry; signal?: AbortSignal }): Promise<ProbeResult> {
  assertCan(ctx, 'respond');
  const row = await getMonitorInOrg(ctx, id);
  const settings = parseMonitorSettings(probes, row.type, openSettings(row, ctx.secrets));
  return runCheckOnce(probes, row.type, settings, row.timeout_ms, ctx.clock.now, signal);
}
