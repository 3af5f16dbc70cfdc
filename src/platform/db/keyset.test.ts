import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, makeDatabase, type TestDatabase } from '../../../test/helpers/databases.ts';
import { AppError } from '../errors.ts';
import { openDatabase, type Store } from './connect.ts';
import { decodeCursor, encodeCursor, keysetPage, keysetQuery, type KeyPart } from './keyset.ts';

type Tables = {
  keyset_rows: { id: string; at: number; name: string };
};

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? `${error.code} ${JSON.stringify(error.details)}` : String(error);
  }
  return undefined;
}

describe('decodeCursor', () => {
  it('reads back what encodeCursor wrote, as base64url JSON', () => {
    const cursor = encodeCursor([1_700_000_000_000, 'b']);
    expect(cursor).toBe(Buffer.from('[1700000000000,"b"]').toString('base64url'));
    expect(decodeCursor(cursor, ['number', 'string'])).toEqual([1_700_000_000_000, 'b']);
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['the wrong length', encodeCursor([1, 'a', 'b'])],
    ['the wrong types', encodeCursor(['1', 'a'])],
    ['not an array', Buffer.from('"ab"').toString('base64url')],
  ])('rejects a cursor with %s on the path cursor', (_, cursor) => {
    expect(codeOf(() => decodeCursor(cursor, ['number', 'string']))).toBe(
      `VALIDATION_FAILED ${JSON.stringify({ issues: [{ path: 'cursor', message: 'not a cursor this API returned' }] })}`,
    );
  });
});

describe('keysetPage', () => {
  it('has no next cursor when the extra row was not read', () => {
    expect(keysetPage([{ id: 'a' }, { id: 'b' }], 2, (r) => [r.id])).toEqual({ page: [{ id: 'a' }, { id: 'b' }], nextCursor: null });
  });

  it('cuts the extra row and encodes the last kept row', () => {
    expect(keysetPage([{ id: 'a' }, { id: 'b' }, { id: 'c' }], 2, (r) => [r.id])).toEqual({ page: [{ id: 'a' }, { id: 'b' }], nextCursor: encodeCursor(['b']) });
  });

  it('uses the given encoding', () => {
    expect(keysetPage([{ id: 'a' }, { id: 'b' }], 1, (r) => [r.id], (key) => key.join(':')).nextCursor).toBe('a');
  });
});

describeEachDialect('keysetQuery', (dialect) => {
  let database: TestDatabase;
  let store: Store;
  const rows = [
    { id: 'a', at: 1, name: 'x' },
    { id: 'b', at: 2, name: 'x' },
    { id: 'c', at: 2, name: 'y' },
    { id: 'd', at: 2, name: 'x' },
    { id: 'e', at: 3, name: 'y' },
  ];

  beforeAll(async () => {
    database = await makeDatabase(dialect);
    store = openDatabase({ url: database.url });
    await store.db.schema.createTable('keyset_rows').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('at', 'bigint').addColumn('name', 'text').execute();
    await store.db.withTables<Tables>().insertInto('keyset_rows').values(rows).execute();
  });

  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  async function readAll(columns: ('at' | 'name' | 'id')[], order: 'asc' | 'desc', limit: number): Promise<string[][]> {
    const pages: string[][] = [];
    let after: KeyPart[] | null = null;
    for (let i = 0; i < 10; i++) {
      const found = await store.db
        .withTables<Tables>()
        .selectFrom('keyset_rows')
        .selectAll()
        .$call((qb) => keysetQuery(qb, { columns, order, after, limit }))
        .execute();
      const { page, nextCursor } = keysetPage(found, limit, (r) => columns.map((c) => (c === 'at' ? Number(r.at) : r[c])));
      pages.push(page.map((r) => r.id));
      if (nextCursor === null) return pages;
      after = decodeCursor(nextCursor, columns.map((c) => (c === 'at' ? 'number' : 'string')));
    }
    throw new Error('paging did not end');
  }

  it('pages newest first through ties on the first column', async () => {
    expect(await readAll(['at', 'id'], 'desc', 2)).toEqual([['e', 'd'], ['c', 'b'], ['a']]);
  });

  it('pages in ascending order', async () => {
    expect(await readAll(['name', 'id'], 'asc', 2)).toEqual([['a', 'b'], ['d', 'c'], ['e']]);
  });

  it('pages on a single column', async () => {
    expect(await readAll(['id'], 'asc', 3)).toEqual([['a', 'b', 'c'], ['d', 'e']]);
  });

  it('pages on three columns', async () => {
    expect(await readAll(['name', 'at', 'id'], 'desc', 1)).toEqual([['e'], ['c'], ['d'], ['b'], ['a']]);
  });

  it('ends without a cursor when the last page is exactly full', async () => {
    expect(await readAll(['id'], 'desc', 5)).toEqual([['e', 'd', 'c', 'b', 'a']]);
  });
});
