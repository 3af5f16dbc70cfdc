import type { Kysely, Transaction } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The store handle. Each module declares its own tables and narrows with `db.withTables<T>()`,
 * so the platform knows no module's schema.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type Db = Kysely<{}>;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type Tx = Transaction<{}>;
/** Either the root handle or an open transaction. */
export type Executor = Db | Tx;
