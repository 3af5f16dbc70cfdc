import type { Db } from '../../../platform/db/index.ts';
import { monitorsDb } from '../store.ts';

/**
 * The single-scheduler lease (`scheduler_leases`). Taking it is one conditional upsert: it succeeds
 * when the row is free, expired or already ours, so two processes never both hold it.
 */
export class SchedulerLease {
  readonly name: string;
  readonly owner: string;
  readonly ttlMs: number;
  readonly #db: Db;
  #until = 0;

  constructor(db: Db, options: { name: string; owner: string; ttlMs: number }) {
    this.#db = db;
    this.name = options.name;
    this.owner = options.owner;
    this.ttlMs = options.ttlMs;
  }

  /** Epoch ms until which this process holds the lease, as far as it last confirmed. */
  get until(): number {
    return this.#until;
  }

  /** Takes or renews the lease; false when another owner holds an unexpired one. */
  async acquire(now: number): Promise<boolean> {
    const expires = now + this.ttlMs;
    const row = await monitorsDb(this.#db)
      .insertInto('scheduler_leases')
      .values({ name: this.name, owner: this.owner, expires_at: expires, heartbeat_at: now })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ owner: this.owner, expires_at: expires, heartbeat_at: now })
          .where((eb) => eb.or([eb('scheduler_leases.expires_at', '<=', now), eb('scheduler_leases.owner', '=', this.owner)])),
      )
      .returning('owner')
      .executeTakeFirst();
    const held = row?.owner === this.owner;
    this.#until = held ? expires : 0;
    return held;
  }

  /** Gives the lease up so a standby takes over at once instead of after the expiry. */
  async release(): Promise<void> {
    this.#until = 0;
    await monitorsDb(this.#db).deleteFrom('scheduler_leases').where('name', '=', this.name).where('owner', '=', this.owner).execute();
  }
}
