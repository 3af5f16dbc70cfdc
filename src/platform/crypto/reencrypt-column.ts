import type { Kysely } from 'kysely';
import type { Db } from '../db/index.ts';
import type { SecretBox } from './secret-box.ts';

type AnyTables = Record<string, Record<string, string | null>>;

/**
 * Re-encrypts every value of one encrypted column under the box's current key (after
 * `custos secrets rotate`); rows already under it are left alone, and a row changed meanwhile is
 * skipped by the conditional update. Returns how many rows were rewritten.
 */
export async function reencryptColumn(db: Db, table: string, column: string, box: SecretBox, idColumn = 'id'): Promise<number> {
  const q = db as unknown as Kysely<AnyTables>;
  const rows = await q.selectFrom(table).select([idColumn, column]).where(column, 'is not', null).execute();
  let changed = 0;
  for (const row of rows) {
    const sealed = row[column]!;
    if (!box.needsRotation(sealed)) continue;
    const r = await q.updateTable(table).set({ [column]: box.reencrypt(sealed) }).where(idColumn, '=', row[idColumn]!).where(column, '=', sealed).executeTakeFirst();
    changed += Number(r.numUpdatedRows);
  }
  return changed;
}
