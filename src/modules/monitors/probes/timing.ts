import type { Socket } from 'node:net';
import type { ProbeTimings } from './probe.ts';

export function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Monotonic, so wall-clock jumps (NTP, the injected clock in tests) never skew latencies. */
export class Stopwatch {
  readonly #start = performance.now();

  elapsed(): number {
    return roundMs(performance.now() - this.#start);
  }
}

/** Records connection phases from socket events; each phase runs from the end of the previous one. */
export class PhaseTimer {
  readonly #start = performance.now();
  #lookup: number | undefined;
  #connect: number | undefined;
  #secure: number | undefined;
  #firstByte: number | undefined;

  trace(socket: Socket): void {
    socket.once('lookup', () => (this.#lookup ??= performance.now()));
    socket.once('connect', () => (this.#connect ??= performance.now()));
    socket.once('secureConnect', () => (this.#secure ??= performance.now()));
  }

  markFirstByte(): void {
    this.#firstByte ??= performance.now();
  }

  timings(): ProbeTimings {
    const end = performance.now();
    const timings: ProbeTimings = { totalMs: roundMs(end - this.#start) };
    if (this.#lookup !== undefined) timings.dnsMs = roundMs(this.#lookup - this.#start);
    if (this.#connect !== undefined) timings.connectMs = roundMs(this.#connect - (this.#lookup ?? this.#start));
    if (this.#secure !== undefined && this.#connect !== undefined) timings.tlsMs = roundMs(this.#secure - this.#connect);
    const ready = this.#secure ?? this.#connect;
    if (this.#firstByte !== undefined && ready !== undefined) timings.firstByteMs = roundMs(this.#firstByte - ready);
    return timings;
  }
}
