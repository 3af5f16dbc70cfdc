import type { Executor } from './types.ts';

const scopes = new WeakMap<Executor, Map<string, Promise<unknown>>>();

/**
 * Marks a transaction as one batch of like work (a batch of jobs, say): reads made through
 * `memoized` are then done once in it. Only for batches that never write what they memoize.
 */
export function enableBatchMemo(tx: Executor): void {
  scopes.set(tx, new Map());
}

/** `load()`, or inside a memoizing batch the first `load()` made there under `key`. */
export function memoized<T>(db: Executor, key: string, load: () => Promise<T>): Promise<T> {
  const scope = scopes.get(db);
  if (!scope) return load();
  let loaded = scope.get(key) as Promise<T> | undefined;
  if (!loaded) {
    loaded = load();
    scope.set(key, loaded);
  }
  return loaded;
}
