/** A FIFO with O(1) shift. */
class Fifo<T> {
  #items: T[] = [];
  #head = 0;

  get length(): number {
    return this.#items.length - this.#head;
  }

  push(item: T): void {
    this.#items.push(item);
  }

  shift(): T | undefined {
    if (this.#head >= this.#items.length) return undefined;
    const item = this.#items[this.#head++];
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }

  drain(): T[] {
    const rest = this.#items.slice(this.#head);
    this.#items = [];
    this.#head = 0;
    return rest;
  }
}

export interface DispatchLimits {
  /** Checks in flight at once, over all targets. */
  global: number;
  /** Checks in flight at once against one host. */
  perHost: number;
}

/**
 * Starts work under a global and a per-host limit. Work over a host's limit waits in that host's
 * queue, so a slow host holds at most `perHost` of the global slots and never delays the rest.
 * `start` returns false when it decided not to run the item after all (it was too late).
 */
export class Dispatcher<T extends { host: string | null }> {
  readonly #limits: DispatchLimits;
  readonly #start: (item: T) => boolean;
  readonly #waiting = new Fifo<T>();
  readonly #hostWaiting = new Map<string, Fifo<T>>();
  readonly #hostInFlight = new Map<string, number>();
  #inFlight = 0;

  constructor(limits: DispatchLimits, start: (item: T) => boolean) {
    this.#limits = limits;
    this.#start = start;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  get queued(): number {
    let n = this.#waiting.length;
    for (const q of this.#hostWaiting.values()) n += q.length;
    return n;
  }

  submit(item: T): void {
    if (this.#inFlight >= this.#limits.global) this.#waiting.push(item);
    else if (item.host !== null && (this.#hostInFlight.get(item.host) ?? 0) >= this.#limits.perHost) this.#hostQueue(item.host).push(item);
    else this.#run(item);
  }

  /** Call once for every item `start` accepted, when its work has finished. */
  done(item: T): void {
    this.#inFlight--;
    if (item.host !== null) {
      const n = (this.#hostInFlight.get(item.host) ?? 1) - 1;
      if (n === 0) this.#hostInFlight.delete(item.host);
      else this.#hostInFlight.set(item.host, n);
      this.#drainHost(item.host);
    }
    while (this.#inFlight < this.#limits.global && this.#waiting.length > 0) {
      const next = this.#waiting.shift()!;
      if (next.host !== null && (this.#hostInFlight.get(next.host) ?? 0) >= this.#limits.perHost) this.#hostQueue(next.host).push(next);
      else this.#run(next);
    }
    if (this.#inFlight < this.#limits.global) for (const host of this.#hostWaiting.keys()) this.#drainHost(host);
  }

  /** Forgets everything waiting (shutdown); returns it. */
  clear(): T[] {
    const all = this.#waiting.drain();
    for (const q of this.#hostWaiting.values()) all.push(...q.drain());
    this.#hostWaiting.clear();
    return all;
  }

  #drainHost(host: string): void {
    const q = this.#hostWaiting.get(host);
    if (!q) return;
    while (q.length > 0 && this.#inFlight < this.#limits.global && (this.#hostInFlight.get(host) ?? 0) < this.#limits.perHost) this.#run(q.shift()!);
    if (q.length === 0) this.#hostWaiting.delete(host);
  }

  #hostQueue(host: string): Fifo<T> {
    let q = this.#hostWaiting.get(host);
    if (!q) this.#hostWaiting.set(host, (q = new Fifo()));
    return q;
  }

  #run(item: T): void {
    if (!this.#start(item)) return;
    this.#inFlight++;
    if (item.host !== null) this.#hostInFlight.set(item.host, (this.#hostInFlight.get(item.host) ?? 0) + 1);
  }
}
