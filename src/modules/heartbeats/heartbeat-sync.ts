import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import type { Logger } from '../../platform/logger.ts';
import { syncChangedHeartbeats, type SyncPosition } from './ensure-heartbeats.ts';

/**
 * How far back a sync looks again: ids are not ordered within one millisecond, and changes may
 * commit out of clock order (or come from another process whose clock is a little off).
 */
export const SYNC_OVERLAP_MS = { changed: 1_000, sweep: 15_000 };

/**
 * Keeps heartbeat rows in step with monitor settings: one sync at a time, from where the last one
 * got to. Runs on every sweep and whenever this process changed monitors (`monitors.changed`), so
 * a slug or push token set over the API works as soon as the API answered.
 */
export class HeartbeatSync {
  readonly #deps: { db: Db; clock: Clock; logger: Logger };
  #position: SyncPosition = { since: 0, afterId: '' };
  #running: Promise<number> | null = null;
  #again = false;
  #overlapMs = 0;

  constructor(deps: { db: Db; clock: Clock; logger: Logger }) {
    this.#deps = deps;
  }

  /**
   * Syncs now (after the sync under way, if any), looking `overlapMs` back from where the last
   * one got to; resolves with how many monitors were looked at.
   */
  run(overlapMs: number): Promise<number> {
    this.#overlapMs = Math.max(this.#overlapMs, overlapMs);
    if (this.#running) {
      this.#again = true;
      return this.#running.then(() => this.idle());
    }
    this.#running = this.#loop().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  /** Resolves when no sync is under way or asked for. */
  async idle(): Promise<number> {
    let synced = 0;
    while (this.#running) synced += await this.#running.catch(() => 0);
    return synced;
  }

  async #loop(): Promise<number> {
    let synced = 0;
    do {
      this.#again = false;
      const overlapMs = this.#overlapMs;
      this.#overlapMs = 0;
      const result = await syncChangedHeartbeats(this.#deps.db, this.#position, this.#deps.clock.now(), overlapMs);
      this.#position = result.position;
      synced += result.synced;
    } while (this.#again);
    return synced;
  }
}
