import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Clock } from '../../../platform/clock.ts';
import type { PublicPage } from './load-public-page.ts';

const gzipAsync = promisify(gzip);

/** One rendered representation, with its gzip form and a weak ETag shared by both. */
export interface Variant {
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  contentType: string;
}

interface Entry {
  slug: string;
  /** Null: no published page at this slug (cached too, so unknown slugs cost no query). */
  value: PublicPage | null;
  orgId: string | null;
  freshUntil: number;
  staleUntil: number;
  /** A hash of what the page shows: a refresh that changes nothing keeps the renderings and ETags. */
  fingerprint: string;
  variants: Map<string, Promise<Variant>>;
  /** The variants already made, for a hit that needs no promise at all. */
  ready: Map<string, Variant>;
}

export interface PageCacheOptions {
  load(slug: string): Promise<PublicPage | null>;
  clock: Clock;
  /** How long a rendering is served without a look at the database. */
  ttlMs: number;
  /** How long after that a stale rendering is still served while a fresh one is made. */
  staleMs: number;
  maxEntries: number;
  onError(err: unknown, slug: string): void;
}

const MAX_VARIANTS = 16;
const NOT_FOUND = '';

export async function makeVariant(text: string, contentType: string): Promise<Variant> {
  const body = Buffer.from(text);
  const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { body, gzip: body.length > 1024 ? await gzipAsync(body) : null, etag, contentType };
}

/**
 * Rendered status pages in memory. A hit costs no database query: within `ttlMs` it is served
 * as is; up to `staleMs` later it is still served while one refresh runs in the background.
 * Edits invalidate at once; monitor state changes mark the organization's pages stale.
 */
export class PageCache {
  readonly #options: PageCacheOptions;
  readonly #entries = new Map<string, Entry>();
  /** "No such page" answers apart, so a flood of made-up slugs cannot push real pages out. */
  readonly #missing = new Map<string, Entry>();
  readonly #loading = new Map<string, Promise<Entry>>();
  /** A sequence number per invalidation, so a load that read older data is not stored over it. */
  #seq = 0;
  #cleared = 0;
  readonly #invalidatedAt = new Map<string, number>();

  constructor(options: PageCacheOptions) {
    this.#options = options;
  }

  /** The entry when it can be served now (fresh, or stale while a refresh runs); no promise involved. */
  peek(slug: string): Entry | undefined {
    const entry = this.#entries.get(slug) ?? this.#missing.get(slug);
    if (!entry) return undefined;
    const now = this.#options.clock.now();
    if (now < entry.freshUntil) return entry;
    if (now >= entry.staleUntil) return undefined;
    this.#refresh(slug).catch((err: unknown) => this.#options.onError(err, slug));
    return entry;
  }

  async get(slug: string): Promise<Entry> {
    return this.peek(slug) ?? this.#refresh(slug);
  }

  /** The representation `key` of the entry, rendered once per fill. */
  variant(entry: Entry, key: string, render: () => { text: string; contentType: string } | Promise<{ text: string; contentType: string }>): Promise<Variant> {
    const known = entry.variants.get(key);
    if (known) return known;
    const made = Promise.resolve()
      .then(render)
      .then(async ({ text, contentType }) => {
        const variant = await makeVariant(text, contentType);
        if (entry.variants.get(key) === made) entry.ready.set(key, variant);
        return variant;
      });
    if (entry.variants.size < MAX_VARIANTS) {
      entry.variants.set(key, made);
      made.catch(() => entry.variants.delete(key));
    }
    return made;
  }

  /** After an edit: the organization's pages (and every cached "not found") are reloaded on the next request. */
  invalidateOrg(orgId: string): void {
    this.#invalidatedAt.set(orgId, ++this.#seq);
    this.#invalidatedAt.set(NOT_FOUND, this.#seq);
    for (const [slug, entry] of this.#entries) if (entry.orgId === orgId) this.#entries.delete(slug);
    this.#missing.clear();
    this.#loading.clear();
  }

  /**
   * After a monitor state event: pages showing that monitor in another state are served once
   * more while a fresh rendering is made. An event without monitor and state marks the whole
   * organization; checks that change nothing (most of them) cost nothing.
   */
  markStale(orgId: string, event: { monitorId?: string; state?: string } = {}): void {
    let marked = false;
    for (const entry of this.#entries.values()) {
      if (entry.orgId !== orgId || !entry.value) continue;
      if (event.monitorId && event.state) {
        const shown = entry.value.monitorStates.get(event.monitorId);
        if (shown === undefined || shown === event.state) continue;
      }
      entry.freshUntil = 0;
      this.#loading.delete(entry.slug);
      marked = true;
    }
    if (marked) this.#invalidatedAt.set(orgId, ++this.#seq);
  }

  clear(): void {
    this.#seq++;
    this.#invalidatedAt.clear();
    this.#cleared = this.#seq;
    this.#entries.clear();
    this.#missing.clear();
    this.#loading.clear();
  }

  #refresh(slug: string): Promise<Entry> {
    const running = this.#loading.get(slug);
    if (running) return running;
    const started = this.#seq;
    const loading = this.#options
      .load(slug)
      .then((value) => {
        const now = this.#options.clock.now();
        const fingerprint = value ? createHash('sha256').update(JSON.stringify({ ...value.view, now: 0 })).digest('base64url') : '';
        const previous = this.#entries.get(slug);
        const entry: Entry = {
          slug,
          value,
          orgId: value?.page.org_id ?? null,
          freshUntil: now + this.#options.ttlMs,
          staleUntil: now + this.#options.ttlMs + this.#options.staleMs,
          fingerprint,
          variants: new Map(),
          ready: new Map(),
        };
        if (previous && value && previous.fingerprint === fingerprint) [entry.variants, entry.ready] = [previous.variants, previous.ready];
        const invalidated = Math.max(this.#cleared, this.#invalidatedAt.get(entry.orgId ?? NOT_FOUND) ?? 0);
        if (invalidated <= started) this.#store(entry);
        return entry;
      })
      .finally(() => {
        if (this.#loading.get(slug) === loading) this.#loading.delete(slug);
      });
    this.#loading.set(slug, loading);
    return loading;
  }

  #store(entry: Entry): void {
    const [into, other] = entry.value ? [this.#entries, this.#missing] : [this.#missing, this.#entries];
    other.delete(entry.slug);
    into.delete(entry.slug);
    into.set(entry.slug, entry);
    if (into.size > this.#options.maxEntries) {
      const oldest = into.keys().next().value;
      if (oldest !== undefined) into.delete(oldest);
    }
  }
}

export type CacheEntry = Entry;
