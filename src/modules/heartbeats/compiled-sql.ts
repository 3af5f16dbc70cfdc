import { CompiledQuery } from 'kysely';
import type { Dialect, Executor } from '../../platform/db/index.ts';

// Statements on the ping path are written as text with placeholders: the query builder's
// per-value parsing and compiling cost more than SQLite's write of the row.

const MAX_CACHED = 1_000;
const texts = new Map<string, string>();

/** `(?, ?, ?)`, or `($4, $5, $6)` on PostgreSQL for `count` parameters from the `from`th. */
export function marks(dialect: Dialect, count: number, from = 1): string {
  const out: string[] = [];
  for (let n = from; n < from + count; n++) out.push(dialect === 'postgres' ? `$${n}` : '?');
  return `(${out.join(', ')})`;
}

/** `template` with its `{values}` replaced by `rows` tuples of `width` placeholders, memoized. */
function valuesSql(dialect: Dialect, template: string, rows: number, width: number): string {
  const key = `${dialect} ${rows} ${width} ${template}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = template.replace('{values}', Array.from({ length: rows }, (_, r) => marks(dialect, width, r * width + 1)).join(', '));
    if (texts.size >= MAX_CACHED) texts.clear();
    texts.set(key, text);
  }
  return text;
}

export async function executeSql<R>(db: Executor, text: string, parameters: unknown[]): Promise<R[]> {
  return (await db.executeQuery<R>(CompiledQuery.raw(text, parameters))).rows as R[];
}

/** Runs `template` over a VALUES list of `rows`, all of one width. */
export async function executeValues(db: Executor, dialect: Dialect, template: string, rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  await executeSql(db, valuesSql(dialect, template, rows.length, rows[0].length), rows.flat());
}
