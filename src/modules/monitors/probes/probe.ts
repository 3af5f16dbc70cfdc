import type { z } from 'zod';

/**
 * What the engine hands a probe for one check.
 * - `signal` aborts when Custos itself gives up on the check (shutdown, lease lost); probes
 *   stop at once and throw `ProbeInternalError('PROBE_ABORTED')`. An abort whose reason is a
 *   `TimeoutError` counts as the target timing out instead.
 * - `timeoutMs` is the budget granted to this check; a probe uses the smaller of it and its
 *   own `settings.timeoutMs`.
 * - `now()` is wall-clock epoch milliseconds for date decisions (certificate expiry), so tests
 *   can drive it. Durations are measured with a monotonic timer, never with `now()`.
 */
export interface ProbeContext {
  signal: AbortSignal;
  timeoutMs: number;
  now(): number;
}

export type ProbeOutcome = 'up' | 'degraded' | 'down';

/** Phase durations in milliseconds, each measured from the end of the previous phase. */
export interface ProbeTimings {
  dnsMs?: number;
  connectMs?: number;
  tlsMs?: number;
  firstByteMs?: number;
  totalMs: number;
}

/** `errorCode` is one of `PROBE_ERROR_CODES` (error-codes.ts) whenever the outcome is not `up`. */
export interface ProbeResult {
  outcome: ProbeOutcome;
  latencyMs: number;
  timings?: ProbeTimings;
  errorCode?: string;
  message?: string;
  details?: Record<string, unknown>;
}

/**
 * A kind of check (http, tcp, dns, ...). One file per type declares its settings schema and
 * `check`, and registers in `createDefaultProbeRegistry`; shared code never branches on `type`.
 * `check` never throws for a target failure: it returns outcome `down` with an `errorCode`.
 * It throws `ProbeInternalError` only when Custos itself could not perform the check.
 */
export interface ProbeType<S> {
  type: string;
  settingsSchema: z.ZodType<S>;
  defaultTimeoutMs?: number;
  /** Passive types (heartbeats) are never scheduled: their state comes from outside (pings). */
  passive?: boolean;
  /** Dotted paths of credentials in the settings: stored encrypted, answered masked. */
  secretPaths?: readonly string[];
  check(settings: S, ctx: ProbeContext): Promise<ProbeResult>;
}

/**
 * A Custos-side failure (EMFILE, ENOBUFS, out of local ports, aborted because Custos shuts
 * down). The caller records a coverage gap for the check, never "target down".
 */
export class ProbeInternalError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ProbeInternalError';
    this.code = code;
  }
}
