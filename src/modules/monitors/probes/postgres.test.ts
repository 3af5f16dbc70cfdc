import net from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { Client } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresProbe, PostgresSettings } from './postgres.ts';
import { closedPort, closeServer, listen, testContext } from './test-helpers.ts';

const url = 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const dbUp = await reachable();
const dbIt = dbUp ? it : it.skip;
const check = (raw: Record<string, unknown>) => postgresProbe.check(PostgresSettings.parse(raw), testContext());

async function probeBackends(): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query("select count(*)::int as n from pg_stat_activity where application_name = 'custos-probe'");
    return result.rows[0].n as number;
  } finally {
    await client.end();
  }
}

const silent = net.createServer(() => {});
afterAll(() => closeServer(silent));

describe(dbUp ? 'postgresProbe' : `postgresProbe (database cases skipped: ${url} is unreachable)`, () => {
  dbIt('is up for select 1', async () => {
    const result = await check({ connectionString: url });
    expect(result).toMatchObject({ outcome: 'up', details: { rowCount: 1, value: '1' } });
    expect(result.timings?.connectMs).toBeGreaterThanOrEqual(0);
  });

  dbIt('compares the first column with the expected value', async () => {
    expect(await check({ connectionString: url, query: 'select current_database()', expect: 'test' })).toMatchObject({ outcome: 'up' });
    expect(await check({ host: '127.0.0.1', user: 'postgres', database: 'test', query: 'select 1 = 1', expect: 'true' })).toMatchObject({ outcome: 'up' });
    const mismatch = await check({ connectionString: url, query: 'select current_database()', expect: 'prod' });
    expect(mismatch).toMatchObject({ outcome: 'down', errorCode: 'QUERY_MISMATCH', details: { value: 'test', expected: 'prod' } });
    expect(await check({ connectionString: url, query: 'select 1 where false', expect: '1' })).toMatchObject({ errorCode: 'QUERY_MISMATCH', details: { rowCount: 0 } });
  });

  dbIt('reports QUERY_FAILED with the SQLSTATE, and refuses to write', async () => {
    expect(await check({ connectionString: url, query: 'selec 1' })).toMatchObject({ outcome: 'down', errorCode: 'QUERY_FAILED', details: { sqlstate: '42601' } });
    const write = await check({ connectionString: url, query: 'create table custos_probe_must_not_exist (id int)' });
    expect(write).toMatchObject({ outcome: 'down', errorCode: 'QUERY_FAILED', details: { sqlstate: '25006' } });
  });

  dbIt('reports DATABASE_NOT_FOUND and AUTH_FAILED', async () => {
    expect(await check({ connectionString: 'postgres://postgres@127.0.0.1:5432/custos_no_such_db' })).toMatchObject({ outcome: 'down', errorCode: 'DATABASE_NOT_FOUND' });
    expect(await check({ connectionString: 'postgres://custos_no_such_role@127.0.0.1:5432/test' })).toMatchObject({ outcome: 'down', errorCode: 'AUTH_FAILED' });
  });

  dbIt('times out a slow query and leaves no connection behind', async () => {
    const started = Date.now();
    const result = await check({ connectionString: url, query: 'select pg_sleep(10)', timeoutMs: 500 });
    expect(result).toMatchObject({ outcome: 'down', errorCode: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5_000);
    for (let i = 0; i < 50 && (await probeBackends()) > 0; i++) await delay(100);
    expect(await probeBackends()).toBe(0);
  });

  dbIt('closes its connection after every check', async () => {
    await Promise.all([check({ connectionString: url }), check({ connectionString: url, query: 'selec' }), check({ connectionString: url, expect: '2' })]);
    for (let i = 0; i < 50 && (await probeBackends()) > 0; i++) await delay(100);
    expect(await probeBackends()).toBe(0);
  });

  it('reports CONNECTION_REFUSED for a closed port', async () => {
    expect(await check({ connectionString: `postgres://postgres@127.0.0.1:${await closedPort()}/test` })).toMatchObject({ outcome: 'down', errorCode: 'CONNECTION_REFUSED' });
  });

  it('times out against a server that accepts but never speaks', async () => {
    const port = await listen(silent);
    const started = Date.now();
    expect(await check({ host: '127.0.0.1', port, timeoutMs: 300 })).toMatchObject({ outcome: 'down', errorCode: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('needs either a connection string or a host', () => {
    expect(PostgresSettings.safeParse({}).error?.issues.map((i) => i.path.join('.'))).toEqual(['connectionString']);
    expect(PostgresSettings.safeParse({ connectionString: 'mysql://x' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['connectionString']);
  });
});
