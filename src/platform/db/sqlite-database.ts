import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { WalCheckpointer } from './wal-checkpointer.ts';

type SqlValue = null | number | bigint | string | Uint8Array;

function toSqlValue(value: unknown): SqlValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.getTime();
  return value as SqlValue;
}

class Statement implements SqliteStatement {
  readonly reader: boolean;
  readonly #stmt: StatementSync;

  constructor(stmt: StatementSync) {
    this.#stmt = stmt;
    this.reader = stmt.columns().length > 0;
  }

  all(parameters: ReadonlyArray<unknown>): unknown[] {
    return this.#stmt.all(...parameters.map(toSqlValue));
  }

  run(parameters: ReadonlyArray<unknown>) {
    return this.#stmt.run(...parameters.map(toSqlValue));
  }

  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    return this.#stmt.iterate(...parameters.map(toSqlValue)) as IterableIterator<unknown>;
  }
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Adapts node:sqlite to the interface Kysely's SqliteDialect expects.
 * Transactions begin IMMEDIATE so a read-then-write transaction never fails its lock upgrade
 * with SQLITE_BUSY when another process (a CLI command) holds the database.
 */
export class NodeSqliteDatabase implements SqliteDatabase {
  readonly #db: DatabaseSync;
  readonly #cache = new Map<string, Statement>();
  readonly #checkpointer: WalCheckpointer | null = null;

  constructor(path: string, options: { busyTimeoutMs?: number } = {}) {
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    this.#db = new DatabaseSync(path, { timeout: busyTimeoutMs });
    this.#db.exec('PRAGMA journal_mode = WAL');
    this.#db.exec('PRAGMA synchronous = NORMAL');
    this.#db.exec('PRAGMA foreign_keys = ON');
    this.#db.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
    if (path !== ':memory:') {
      // Commits then only append to the WAL; the fsync of a checkpoint happens off the event loop.
      this.#db.exec('PRAGMA wal_autocheckpoint = 0');
      this.#checkpointer = new WalCheckpointer(path, {
        busyTimeoutMs,
        onError: () => {
          if (this.#db.isOpen) this.#db.exec('PRAGMA wal_autocheckpoint = 1000');
        },
      });
    }
  }

  prepare(sql: string): SqliteStatement {
    const text = sql === 'begin' ? 'begin immediate' : sql;
    let stmt = this.#cache.get(text);
    if (stmt) {
      this.#cache.delete(text);
    } else {
      stmt = new Statement(this.#db.prepare(text));
      if (this.#cache.size >= STATEMENT_CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value!);
    }
    this.#cache.set(text, stmt);
    return stmt;
  }

  close(): void {
    this.#checkpointer?.stop();
    this.#cache.clear();
    if (this.#db.isOpen) this.#db.close();
  }
}
