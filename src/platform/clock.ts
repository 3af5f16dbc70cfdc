/** All business logic reads time from a Clock so tests can drive it. Times are epoch milliseconds, UTC. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: number | string | Date = Date.UTC(2026, 0, 1)) {
    this.#now = new Date(start).getTime();
  }

  now(): number {
    return this.#now;
  }

  set(time: number | string | Date): void {
    this.#now = new Date(time).getTime();
  }

  advance(ms: number): number {
    this.#now += ms;
    return this.#now;
  }
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
