import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package loaded on first use instead of at startup, synchronously (Node's `require` also loads
 * ES modules). For libraries only rare paths need (PDF, ASN.1, holiday data, markdown): each costs
 * megabytes of memory in a process that may never call them.
 */
export function lazyRequire<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(specifier) as T);
}
