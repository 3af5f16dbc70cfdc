import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { errorsDb } from '../store.ts';

/** What ingest needs to know about a DSN key and its project. */
export interface IngestKey {
  keyId: string;
  orgId: string;
  projectId: string;
  projectNumber: number;
  rateLimitPerMinute: number | null;
  /** A rotated key stops working at this time. */
  expiresAt: number | null;
  scrub: { enabled: boolean; fields: string[] };
  /** Salt of the affected-user pseudonyms. */
  userSalt: string;
}

interface Entry {
  key: IngestKey | null;
  until: number;
}

/**
 * Resolves public keys to keys and projects, remembering answers (unknown keys too, so a flood
 * with a bad key costs no queries) for `ttlMs`; `clear()` forgets everything after a change made
 * in this process; other processes see a change within `ttlMs`.
 */
export class KeyCache {
  readonly #entries = new Map<string, Entry>();
  readonly #loading = new Map<string, Promise<IngestKey | null>>();

  readonly #db: Executor;
  readonly #clock: Clock;
  readonly #ttlMs: number;
  readonly #maxEntries: number;

  constructor(db: Executor, clock: Clock, ttlMs = 5_000, maxEntries = 10_000) {
    this.#db = db;
    this.#clock = clock;
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
  }

  async resolve(publicKey: string): Promise<IngestKey | null> {
    const now = this.#clock.now();
    const hit = this.#entries.get(publicKey);
    if (hit && hit.until > now) return usable(hit.key, now);
    let loading = this.#loading.get(publicKey);
    if (!loading) {
      loading = this.#load(publicKey).finally(() => this.#loading.delete(publicKey));
      this.#loading.set(publicKey, loading);
    }
    return usable(await loading, now);
  }

  clear(): void {
    this.#entries.clear();
  }

  async #load(publicKey: string): Promise<IngestKey | null> {
    const row = await errorsDb(this.#db)
      .selectFrom('error_keys as k')
      .innerJoin('error_projects as p', 'p.id', 'k.project_id')
      .select(['k.id', 'k.org_id', 'k.project_id', 'k.status', 'k.rate_limit_per_minute', 'k.expires_at', 'p.number', 'p.scrub_enabled', 'p.scrub_fields', 'p.user_salt'])
      .where('k.public_key', '=', publicKey)
      .executeTakeFirst();
    const key: IngestKey | null =
      row && row.status === 'active'
        ? {
            keyId: row.id,
            orgId: row.org_id,
            projectId: row.project_id,
            projectNumber: Number(row.number),
            rateLimitPerMinute: row.rate_limit_per_minute,
            expiresAt: row.expires_at === null ? null : Number(row.expires_at),
            scrub: { enabled: Boolean(row.scrub_enabled), fields: JSON.parse(row.scrub_fields) as string[] },
            userSalt: row.user_salt,
          }
        : null;
    if (this.#entries.size >= this.#maxEntries) this.#entries.clear();
    this.#entries.set(publicKey, { key, until: this.#clock.now() + this.#ttlMs });
    return key;
  }
}

function usable(key: IngestKey | null, now: number): IngestKey | null {
  return key && (key.expiresAt === null || key.expiresAt > now) ? key : null;
}
