const MINUTE = 60_000;

/**
 * Per-key fixed one-minute windows, kept in this process: with several API processes each applies
 * the limit on its own share of the traffic.
 */
export class KeyRateLimiter {
  readonly #windows = new Map<string, { start: number; used: number }>();

  /** Takes `n` from the key's minute; returns the seconds until the next window when it is spent. */
  take(keyId: string, limitPerMinute: number | null, n: number, now: number): number | null {
    if (limitPerMinute === null || n === 0) return null;
    const start = Math.floor(now / MINUTE) * MINUTE;
    let window = this.#windows.get(keyId);
    if (!window || window.start !== start) {
      if (this.#windows.size > 10_000) this.#windows.clear();
      window = { start, used: 0 };
      this.#windows.set(keyId, window);
    }
    if (window.used + n > limitPerMinute) return Math.max(1, Math.ceil((start + MINUTE - now) / 1000));
    window.used += n;
    return null;
  }
}
