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
/** Write statements after which the WAL checkpointer thread starts. */
export const CHECKPOINTER_AFTER_WRITES = 2_000;

/**
 * Adapts node:sqlite to the interface Kysely's SqliteDialect expects.
 * Transactions begin IMMEDIATE so a read-then-write transaction never fails its lock upgrade
 * with SQLITE_BUSY when another process (a CLI command) holds the database.
 */
export class NodeSqliteDatabase implements SqliteDatabase {
  readonly #db: DatabaseSync;
  readonly #cache = new Map<string, Statement>();
  readonly #path: string;
  readonly #busyTimeoutMs: number;
  #checkpointer: WalCheckpointer | null = null;
  #writes = 0;

  constructor(path: string, options: { busyTimeoutMs?: number } = {}) {
    this.#path = path;
    this.#busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    this.#db = new DatabaseSync(path, { timeout: this.#busyTimeoutMs });
    this.#db.exec('PRAGMA journal_mode = WAL');
    this.#db.exec('PRAGMA synchronous = NORMAL');
    this.#db.exec('PRAGMA foreign_keys = ON');
    this.#db.exec(`PRAGMA busy_timeout = ${this.#busyTimeoutMs}`);
  }

  /**
   * Once this connection writes a lot, checkpoints move to a worker thread: commits then only
   * append to the WAL, and the fsync of a checkpoint happens off the event loop. A quiet process
   * keeps SQLite's own auto-checkpoint and saves the worker's ~19 MB.
   */
  #noteWrite(): void {
    if (this.#checkpointer !== null || ++this.#writes < CHECKPOINTER_AFTER_WRITES || this.#path === ':memory:') return;
    this.#db.exec('PRAGMA wal_autocheckpoint = 0');
    this.#checkpointer = new WalCheckpointer(this.#path, {
      busyTimeoutMs: this.#busyTimeoutMs,
      onError: () => {
        if (this.#db.isOpen) this.#db.exec('PRAGMA wal_autocheckpoint = 1000');
      },
    });
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
    if (!stmt.reader) this.#noteWrite();
    return stmt;
  }

  close(): void {
    this.#checkpointer?.stop();
    this.#cache.clear();
    if (this.#db.isOpen) this.#db.close();
  }
}
