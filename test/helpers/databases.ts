import { randomBytes } from 'node:crypto';
import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { describe } from 'vitest';
import { testEnv } from '../../src/config/index.ts';

export interface TestDatabase {
  dialect: 'sqlite' | 'postgres';
  url: string;
  /** Removes what the database holds (temp file or schema). */
  drop(): Promise<void>;
}

const pgUrl = testEnv('CUSTOS_TEST_DATABASE_URL');
let warned = false;

/** A fresh SQLite file in a temp folder. */
export function sqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'custos-test-'));
  return { dialect: 'sqlite', url: `sqlite:${join(dir, 'custos.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh schema in the test PostgreSQL, reached through `search_path` in the URL. */
export async function postgresDatabase(baseUrl = pgUrl!): Promise<TestDatabase> {
  const schema = `custos_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    dialect: 'postgres',
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

export const dialects: ('sqlite' | 'postgres')[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];

export async function makeDatabase(dialect: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  return dialect === 'sqlite' ? sqliteDatabase() : postgresDatabase();
}

/**
 * Runs a suite once per dialect: SQLite always, PostgreSQL when CUSTOS_TEST_DATABASE_URL is set;
 * otherwise the PostgreSQL run is skipped with a visible notice.
 */
export function describeEachDialect(name: string, fn: (dialect: 'sqlite' | 'postgres') => void): void {
  describe.each(['sqlite', 'postgres'] as const)(`${name} [%s]`, (dialect) => {
    if (dialect === 'postgres' && !pgUrl) {
      if (!warned) {
        warned = true;
        process.stderr.write('NOTICE: CUSTOS_TEST_DATABASE_URL is not set; PostgreSQL suites are skipped.\n');
      }
      describe.skip('PostgreSQL (CUSTOS_TEST_DATABASE_URL not set)', () => fn(dialect));
      return;
    }
    fn(dialect);
  });
}
