/** Requests and server errors over a sliding window of one-minute buckets. */
export class ErrorRate {
  readonly #buckets = new Map<number, { total: number; errors: number }>();
  readonly #windowMinutes: number;

  constructor(windowMinutes = 5) {
    this.#windowMinutes = windowMinutes;
  }

  record(isError: boolean, now = Date.now()): void {
    const minute = Math.floor(now / 60_000);
    const bucket = this.#buckets.get(minute) ?? { total: 0, errors: 0 };
    bucket.total++;
    if (isError) bucket.errors++;
    this.#buckets.set(minute, bucket);
    if (this.#buckets.size > this.#windowMinutes + 1) {
      for (const key of this.#buckets.keys()) if (key <= minute - this.#windowMinutes) this.#buckets.delete(key);
    }
  }

  snapshot(now = Date.now()): { total: number; errors: number; ratio: number; windowMinutes: number } {
    const from = Math.floor(now / 60_000) - this.#windowMinutes + 1;
    let total = 0;
    let errors = 0;
    for (const [minute, b] of this.#buckets) {
      if (minute >= from) {
        total += b.total;
        errors += b.errors;
      }
    }
    return { total, errors, ratio: total === 0 ? 0 : errors / total, windowMinutes: this.#windowMinutes };
  }
}
