import { assertCan, type Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { ProbeInternalError, type ProbeResult } from './probes/index.ts';
import type { ProbeRegistry } from './probes/index.ts';
import type { TestMonitorInput } from './schemas.ts';
import { defaultTimeoutMs, parseMonitorSettings } from './settings.ts';

/** Runs one check from unsaved settings and stores nothing: validate a monitor before saving it. */
export async function testMonitor({ ctx, input, probes, signal }: { ctx: Ctx; input: TestMonitorInput; probes: ProbeRegistry; signal?: AbortSignal }): Promise<ProbeResult> {
  assertCan(ctx, 'respond');
  const settings = parseMonitorSettings(probes, input.type, input.settings);
  return runCheckOnce(probes, input.type, settings, input.timeoutMs ?? defaultTimeoutMs(60), ctx.clock.now, signal);
}

export async function runCheckOnce(
  probes: ProbeRegistry,
  type: string,
  settings: Record<string, unknown>,
  timeoutMs: number,
  now: () => number,
  signal: AbortSignal = new AbortController().signal,
): Promise<ProbeResult> {
  try {
    return await probes.get(type).check(settings, { signal, timeoutMs, now });
  } catch (err) {
    if (err instanceof ProbeInternalError) {
      throw new AppError('CHECK_NOT_PERFORMED', `Custos could not perform the check: ${err.message}`, { details: { probeCode: err.code }, cause: err });
    }
    throw err;
  }
}
