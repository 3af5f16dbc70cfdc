export { openDatabase, type Store, type OpenDatabaseOptions } from './connect.ts';
export { enableBatchMemo, memoized } from './batch-memo.ts';
export { decodeCursor, encodeCursor, keysetPage, keysetQuery, type KeyPart, type KeysetOptions } from './keyset.ts';
export { migrateToLatest, type CustosMigration, type MigrationSummary } from './migrate.ts';
export type { Db, Tx, Executor, Dialect } from './types.ts';
export { sql } from 'kysely';
