import { afterEach, expect, it } from 'vitest';
import { describeEachDialect, makeDatabase, type TestDatabase } from '../../../test/helpers/databases.ts';
import { openDatabase, type Store } from './connect.ts';
import { migrateToLatest, type CustosMigration } from './migrate.ts';

const table = (name: string): CustosMigration => ({
  async up(db) {
    await db.schema.createTable(name).addColumn('id', 'text', (c) => c.primaryKey()).execute();
  },
});

describeEachDialect('migrateToLatest', (dialect) => {
  let database: TestDatabase;
  let store: Store;
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('applies a migration added later under a name that sorts before applied ones (another module’s)', async () => {
    database = await makeDatabase(dialect);
    store = openDatabase({ url: database.url });
    const first = { '2026-12-01-0100-errors': table('errors_t') };
    expect(await migrateToLatest(store.db, dialect, first)).toEqual({ applied: ['2026-12-01-0100-errors'], failed: null });
    const later = { ...first, '2026-11-25-0100-incidents': table('incidents_t') };
    expect(await migrateToLatest(store.db, dialect, later)).toEqual({ applied: ['2026-11-25-0100-incidents'], failed: null });
    expect(await migrateToLatest(store.db, dialect, later)).toEqual({ applied: [], failed: null });
  });
});
