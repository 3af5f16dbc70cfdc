import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, type StringReference } from 'kysely';
import { ValidationError } from '../errors.ts';

export type KeyPart = string | number;

export interface KeysetOptions<DB, TB extends keyof DB> {
  /** The sort key, most significant first; the last column must be unique. */
  columns: readonly StringReference<DB, TB>[];
  order: 'asc' | 'desc';
  /** The key of the last row of the previous page. */
  after: readonly KeyPart[] | null;
  limit: number;
}

/** An opaque cursor: the key as a JSON array, base64url. */
export const encodeCursor = (key: readonly KeyPart[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** Decodes a cursor `encodeCursor` made; `shape` lists the type of each position. */
export function decodeCursor<K extends KeyPart[]>(cursor: string, shape: readonly ('string' | 'number')[]): K {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === shape.length && key.every((v, i) => typeof v === shape[i])) return key as K;
  } catch {
    // reported below
  }
  throw new ValidationError([{ path: 'cursor', message: 'not a cursor this API returned' }]);
}

function beyond<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, columns: readonly string[], key: readonly KeyPart[], op: '<' | '>'): Expression<SqlBool> {
  const [column, ...rest] = columns;
  const past = eb(sql.ref(column), op, key[0]);
  return rest.length === 0 ? past : eb.or([past, eb.and([eb(sql.ref(column), '=', key[0]), beyond(eb, rest, key.slice(1), op)])]);
}

/** Orders by the key, skips to the rows past `after`, and reads one row more than `limit` to tell whether another page follows. */
export function keysetQuery<DB, TB extends keyof DB, O>(qb: SelectQueryBuilder<DB, TB, O>, { columns, order, after, limit }: KeysetOptions<DB, TB>): SelectQueryBuilder<DB, TB, O> {
  let query = after === null ? qb : qb.where((eb) => beyond(eb, columns, after, order === 'desc' ? '<' : '>'));
  for (const column of columns) query = query.orderBy(sql.ref(column), order);
  return query.limit(limit + 1);
}

/** Cuts the extra row `keysetQuery` read and makes the cursor from the page's last row. */
export function keysetPage<R>(rows: R[], limit: number, keyOf: (row: R) => readonly KeyPart[], encode: (key: readonly KeyPart[]) => string = encodeCursor): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return { page, nextCursor: rows.length > limit ? encode(keyOf(page[page.length - 1])) : null };
}
