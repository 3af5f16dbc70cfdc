import type { ProbeErrorCode } from './error-codes.ts';
import type { ProbeTimings } from './probe.ts';

/** Thrown inside a probe to end the check with outcome `down`; `runProbe` turns it into the result. */
export class ProbeFailure extends Error {
  readonly code: ProbeErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly timings: ProbeTimings | undefined;

  constructor(
    code: ProbeErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; timings?: ProbeTimings; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ProbeFailure';
    this.code = code;
    this.details = options.details;
    this.timings = options.timings;
  }
}
