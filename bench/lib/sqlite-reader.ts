import { DatabaseSync } from 'node:sqlite';

/** A read-only connection to a Custos SQLite file, for counting what a running server stored. */
export class SqliteReader {
  readonly #db: DatabaseSync;

  constructor(path: string) {
    this.#db = new DatabaseSync(path, { readOnly: true, timeout: 5000 });
  }

  number(sql: string, ...params: Array<number | string>): number {
    const row = this.#db.prepare(sql).get(...params) as Record<string, unknown> | undefined;
    return Number(Object.values(row ?? {})[0] ?? 0);
  }

  close(): void {
    this.#db.close();
  }
}
