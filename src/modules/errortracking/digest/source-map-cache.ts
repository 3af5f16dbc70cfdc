import { TraceMap } from '@jridgewell/trace-mapping';
import type { Executor } from '../../../platform/db/index.ts';
import { errorsDb } from '../store.ts';

interface ArtifactRef {
  id: string;
  name: string;
  debugId: string | null;
  kind: 'sourcemap' | 'source';
}

interface Index {
  until: number;
  byName: Map<string, ArtifactRef>;
  byDebugId: Map<string, ArtifactRef>;
}

const INDEX_TTL_MS = 30_000;
const MAX_MAPS = 64;

export interface FoundMap {
  map: TraceMap;
  /** The artifact name the map was found under. */
  name: string;
}

/**
 * Finds and parses uploaded source maps for the digest: an index of a project's artifacts
 * (names and debug ids, no content) per release, refreshed every 30 s, and the parsed maps of
 * the most recently used files.
 */
export class SourceMapCache {
  readonly #db: Executor;
  readonly #indexes = new Map<string, Index>();
  readonly #maps = new Map<string, TraceMap | null>();
  readonly #sources = new Map<string, string | null>();

  constructor(db: Executor) {
    this.#db = db;
  }

  async #index(projectId: string, release: string, dist: string, now: number): Promise<Index> {
    const id = `${projectId}\0${release}\0${dist}`;
    const hit = this.#indexes.get(id);
    if (hit && hit.until > now) return hit;
    const rows = await errorsDb(this.#db)
      .selectFrom('error_artifacts')
      .select(['id', 'name', 'debug_id', 'kind', 'release', 'dist'])
      .where('project_id', '=', projectId)
      .where((eb) => eb.or([eb.and([eb('release', '=', release), eb('dist', '=', dist)]), eb('debug_id', 'is not', null)]))
      .execute();
    const index: Index = { until: now + INDEX_TTL_MS, byName: new Map(), byDebugId: new Map() };
    for (const r of rows) {
      const ref: ArtifactRef = { id: r.id, name: r.name, debugId: r.debug_id, kind: r.kind };
      if (r.release === release && r.dist === dist) index.byName.set(r.name, ref);
      if (r.debug_id && (r.kind === 'sourcemap' || !index.byDebugId.has(r.debug_id))) index.byDebugId.set(r.debug_id, ref);
    }
    if (this.#indexes.size > 1000) this.#indexes.clear();
    this.#indexes.set(id, index);
    return index;
  }

  /** Whether the project has any artifact for this release or any debug id at all (skips the rest cheaply). */
  async hasAny(projectId: string, release: string, dist: string, now: number): Promise<boolean> {
    const index = await this.#index(projectId, release, dist, now);
    return index.byName.size > 0 || index.byDebugId.size > 0;
  }

  async byDebugId(projectId: string, release: string, dist: string, debugId: string, now: number): Promise<FoundMap | null> {
    const ref = (await this.#index(projectId, release, dist, now)).byDebugId.get(debugId);
    if (!ref || ref.kind !== 'sourcemap') return null;
    const map = await this.#load(ref);
    return map ? { map, name: ref.name } : null;
  }

  /** By file URL: `<url>.map`, `~/<path>.map`, the map a source's `sourceMappingURL` names, then shorter `~/` suffixes. */
  async byUrl(projectId: string, release: string, dist: string, url: string, now: number): Promise<FoundMap | null> {
    const index = await this.#index(projectId, release, dist, now);
    const path = pathOf(url);
    const segments = path.split('/').filter(Boolean);
    const candidates = [`${url}.map`, `~${path}.map`];
    for (const name of [url, `~${path}`]) {
      const source = index.byName.get(name);
      if (source?.kind !== 'source') continue;
      const ref = await this.#mappingUrl(source);
      if (ref) candidates.push(resolveReference(name, ref));
    }
    for (let i = 1; i < segments.length; i++) candidates.push(`~/${segments.slice(i).join('/')}.map`);
    for (const name of candidates) {
      const ref = index.byName.get(name);
      if (ref?.kind !== 'sourcemap') continue;
      const map = await this.#load(ref);
      if (map) return { map, name };
    }
    return null;
  }

  async #content(id: string): Promise<string | null> {
    const row = await errorsDb(this.#db).selectFrom('error_artifacts').select('content').where('id', '=', id).executeTakeFirst();
    return row ? row.content : null;
  }

  async #mappingUrl(source: ArtifactRef): Promise<string | null> {
    if (!this.#sources.has(source.id)) {
      const text = await this.#content(source.id);
      const m = text ? /\/\/[#@] sourceMappingURL=(\S+)\s*$/.exec(text.slice(-2000)) : null;
      if (this.#sources.size > MAX_MAPS) this.#sources.clear();
      this.#sources.set(source.id, m && !m[1].startsWith('data:') ? m[1] : null);
    }
    return this.#sources.get(source.id) ?? null;
  }

  async #load(ref: ArtifactRef): Promise<TraceMap | null> {
    if (this.#maps.has(ref.id)) {
      const map = this.#maps.get(ref.id)!;
      this.#maps.delete(ref.id);
      this.#maps.set(ref.id, map);
      return map;
    }
    const text = await this.#content(ref.id);
    let map: TraceMap | null = null;
    try {
      map = text ? new TraceMap(text) : null;
    } catch {
      map = null;
    }
    if (this.#maps.size >= MAX_MAPS) this.#maps.delete(this.#maps.keys().next().value!);
    this.#maps.set(ref.id, map);
    return map;
  }
}

/** A `sourceMappingURL` relative to the file that names it (`~/` names stay `~/` names). */
export function resolveReference(name: string, ref: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return ref;
  if (name.startsWith('~')) return `~${new URL(ref, `http://any${name.slice(1)}`).pathname}`;
  try {
    return new URL(ref, name).href;
  } catch {
    return `${name.slice(0, name.lastIndexOf('/') + 1)}${ref}`;
  }
}

/** The path of a frame's file: a URL's pathname, or the path itself for app:// and plain paths. */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.startsWith('/') ? url : `/${url}`;
  }
}
