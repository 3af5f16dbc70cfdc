import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent } from 'kysely';
import { Pool, types as pgTypes } from 'pg';
import type { Logger } from '../logger.ts';
import { NodeSqliteDatabase } from './sqlite-database.ts';
import type { Db, Dialect } from './types.ts';

export interface OpenDatabaseOptions {
  url: string;
  poolSize?: number;
  logger?: Logger;
  onQuery?: (operation: string, seconds: number, failed: boolean) => void;
}

export interface Store {
  db: Db;
  dialect: Dialect;
  /** Round trip to the database; throws when it is unreachable. */
  ping(timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

const INT8_OID = 20;

function sqlitePath(url: string): string {
  const rest = url.slice('sqlite:'.length).replace(/^\/\//, '');
  if (rest === ':memory:' || rest === '') return ':memory:';
  return resolve(rest);
}

function operationOf(sqlText: string): string {
  const word = /^\s*(\w+)/.exec(sqlText)?.[1]?.toLowerCase() ?? 'other';
  return ['select', 'insert', 'update', 'delete', 'with'].includes(word) ? word : 'other';
}

export function openDatabase(options: OpenDatabaseOptions): Store {
  const onQuery = options.onQuery;
  const log = onQuery
    ? (event: LogEvent) => onQuery(operationOf(event.query.sql), event.queryDurationMillis / 1000, event.level === 'error')
    : undefined;

  if (options.url.startsWith('sqlite:')) {
    const path = sqlitePath(options.url);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const database = new NodeSqliteDatabase(path);
    const db: Db = new Kysely({ dialect: new SqliteDialect({ database }), log });
    return {
      db,
      dialect: 'sqlite',
      async ping() {
        const start = performance.now();
        await sql`select 1`.execute(db);
        return performance.now() - start;
      },
      close: () => db.destroy(),
    };
  }

  const pool = new Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 15_000,
    idleTimeoutMillis: 30_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (v: string) => Number(v) : pgTypes.getTypeParser(oid, format as 'text')) as typeof pgTypes.getTypeParser,
    },
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', (err) => options.logger?.warn({ err }, 'postgres idle client error'));
  // A checked-out client has no pool listener: losing its connection between two queries would
  // otherwise be an uncaught 'error' event. The pool discards such a client when it is released.
  pool.on('connect', (client) => client.on('error', (err) => options.logger?.warn({ err }, 'postgres client error')));
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }), log });
  return {
    db,
    dialect: 'postgres',
    async ping(timeoutMs = 2000) {
      const start = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([sql`select 1`.execute(db), timeout]);
      } finally {
        clearTimeout(timer);
      }
      return performance.now() - start;
    },
    close: () => db.destroy(),
  };
}
