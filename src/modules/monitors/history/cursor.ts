import { ValidationError } from '../../../platform/errors.ts';

export const encodeCursor = (key: readonly (string | number)[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** Decodes a cursor this API made; `shape` lists the type of each position. */
export function decodeCursor<T extends (string | number)[]>(cursor: string, shape: ('string' | 'number')[]): T {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === shape.length && key.every((v, i) => typeof v === shape[i])) return key as T;
  } catch {
    // reported below
  }
  throw new ValidationError([{ path: 'cursor', message: 'not a cursor this API returned' }]);
}
