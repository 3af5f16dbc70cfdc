import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { CHECKPOINTER_AFTER_WRITES, NodeSqliteDatabase } from './sqlite-database.ts';

let dir: string;
let db: NodeSqliteDatabase;
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(params);
const autocheckpoint = () => (db.prepare('pragma wal_autocheckpoint').all([])[0] as { wal_autocheckpoint: number }).wal_autocheckpoint;

it('keeps SQLite’s own checkpoints while quiet, and checkpoints from a worker thread once it writes a lot', async () => {
  dir = mkdtempSync(join(tmpdir(), 'custos-sqlite-'));
  const path = join(dir, 'c.db');
  db = new NodeSqliteDatabase(path);
  run('create table t (id integer primary key, v text)');
  for (let i = 0; i < 100; i++) run('insert into t (v) values (?)', 'x'.repeat(100));
  expect(autocheckpoint()).toBe(1000);

  for (let i = 0; i < CHECKPOINTER_AFTER_WRITES; i++) run('insert into t (v) values (?)', 'y'.repeat(500));
  expect(autocheckpoint()).toBe(0);
  const before = statSync(path).size;
  for (let i = 0; i < 2_000; i++) run('insert into t (v) values (?)', 'z'.repeat(500));
  // Only the worker copies WAL pages into the database file now.
  const deadline = Date.now() + 10_000;
  while (statSync(path).size <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(statSync(path).size).toBeGreaterThan(before);
});
