import type { ProbeErrorCode } from './error-codes.ts';
import { classifyNetworkError } from './network-errors.ts';
import { ProbeInternalError, type ProbeContext, type ProbeResult } from './probe.ts';
import { ProbeFailure } from './probe-failure.ts';
import { Stopwatch } from './timing.ts';

export interface ProbeRun {
  /** Aborts when the timeout elapses or Custos aborts the check; probes destroy their sockets on it. */
  signal: AbortSignal;
  timeoutMs: number;
  elapsed(): number;
}

export interface RunProbeOptions {
  timeoutMs?: number;
  timeoutCode?: ProbeErrorCode;
  /** Probe-specific mapping (SQLSTATE, resolver codes); return undefined to fall back to the socket mapping. */
  classify?: (err: unknown) => ProbeFailure | undefined;
}

function isTimeoutReason(reason: unknown): boolean {
  return (reason as { name?: unknown } | null)?.name === 'TimeoutError';
}

function aborted(cause: unknown): ProbeInternalError {
  return new ProbeInternalError('PROBE_ABORTED', 'the check was aborted by Custos', { cause });
}

/**
 * Runs one check under a deadline and turns whatever `fn` throws into a result: target
 * failures become outcome `down`, Custos-side failures stay `ProbeInternalError`.
 */
export async function runProbe(ctx: ProbeContext, options: RunProbeOptions, fn: (run: ProbeRun) => Promise<ProbeResult>): Promise<ProbeResult> {
  if (ctx.signal.aborted && !isTimeoutReason(ctx.signal.reason)) throw aborted(ctx.signal.reason);
  const timeoutMs = Math.max(1, Math.min(options.timeoutMs ?? ctx.timeoutMs, ctx.timeoutMs));
  const controller = new AbortController();
  let stop: 'timeout' | 'shutdown' | undefined;
  const onCtxAbort = () => {
    stop ??= isTimeoutReason(ctx.signal.reason) ? 'timeout' : 'shutdown';
    controller.abort(ctx.signal.reason);
  };
  const timer = setTimeout(() => {
    stop ??= 'timeout';
    controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  ctx.signal.addEventListener('abort', onCtxAbort, { once: true });
  if (ctx.signal.aborted) onCtxAbort();
  const watch = new Stopwatch();
  try {
    if (controller.signal.aborted) throw controller.signal.reason;
    return await fn({ signal: controller.signal, timeoutMs, elapsed: () => watch.elapsed() });
  } catch (err) {
    if (err instanceof ProbeInternalError) throw err;
    if (stop === 'shutdown') throw aborted(err);
    const latencyMs = watch.elapsed();
    if (stop === 'timeout') {
      return { outcome: 'down', latencyMs, timings: { totalMs: latencyMs }, errorCode: options.timeoutCode ?? 'TIMEOUT', message: `no answer within ${timeoutMs} ms` };
    }
    const failure = options.classify?.(err) ?? classifyNetworkError(err);
    return failureResult(failure, latencyMs);
  } finally {
    clearTimeout(timer);
    ctx.signal.removeEventListener('abort', onCtxAbort);
  }
}

export function failureResult(failure: ProbeFailure, latencyMs: number): ProbeResult {
  const result: ProbeResult = {
    outcome: 'down',
    latencyMs,
    timings: { ...failure.timings, totalMs: latencyMs },
    errorCode: failure.code,
    message: failure.message,
  };
  if (failure.details) result.details = failure.details;
  return result;
}

/** Rejects with the signal's reason once it aborts; for awaiting library calls that take no signal. */
export function abortPromise(signal: AbortSignal): { promise: Promise<never>; dispose(): void } {
  let dispose = noop;
  const promise = new Promise<never>((_, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    dispose = () => signal.removeEventListener('abort', onAbort);
  });
  promise.catch(noop);
  return { promise, dispose };
}

function noop(): void {}
