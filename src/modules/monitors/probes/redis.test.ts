import net from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { createClient } from 'redis';
import { afterEach, describe, expect, it } from 'vitest';
import { redisProbe, RedisSettings } from './redis.ts';
import { closedPort, closeServer, listen, testContext } from './test-helpers.ts';

const url = 'redis://127.0.0.1:6379';

async function reachable(): Promise<boolean> {
  const client = createClient({ url, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.close();
    return true;
  } catch {
    return false;
  }
}

async function probeClients(): Promise<number> {
  const client = createClient({ url });
  await client.connect();
  try {
    const list = String(await client.sendCommand(['CLIENT', 'LIST']));
    return list.split('\n').filter((line) => line.includes(' name=custos-probe ')).length;
  } finally {
    await client.close();
  }
}

const redisUp = await reachable();
const redisIt = redisUp ? it : it.skip;
const check = (raw: Record<string, unknown>) => redisProbe.check(RedisSettings.parse({ url, ...raw }), testContext());

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(closeServer));
});
async function fakeServer(onConnection: (socket: net.Socket) => void): Promise<number> {
  const server = net.createServer(onConnection);
  servers.push(server);
  return listen(server);
}

describe(redisUp ? 'redisProbe' : `redisProbe (server cases skipped: ${url} is unreachable)`, () => {
  redisIt('is up when PING answers PONG', async () => {
    expect(await check({})).toMatchObject({ outcome: 'up', details: { reply: 'PONG' } });
  });

  redisIt('runs a command and compares the reply', async () => {
    expect(await check({ command: ['ECHO', 'custos'], expect: 'custos' })).toMatchObject({ outcome: 'up' });
    expect(await check({ command: ['GET', 'custos-probe-test:missing'], expect: '(nil)' })).toMatchObject({ outcome: 'up' });
    expect(await check({ command: ['INFO', 'server'], expect: 'redis_version:', expectMatch: 'contains' })).toMatchObject({ outcome: 'up' });
    const wrong = await check({ command: ['ECHO', 'custos'], expect: 'other' });
    expect(wrong).toMatchObject({ outcome: 'down', errorCode: 'UNEXPECTED_REPLY', details: { reply: 'custos', expected: 'other' } });
  });

  redisIt('reports COMMAND_FAILED for an error reply', async () => {
    expect(await check({ command: ['NO-SUCH-COMMAND'] })).toMatchObject({ outcome: 'down', errorCode: 'COMMAND_FAILED' });
  });

  redisIt('disconnects after every check', async () => {
    await Promise.all([check({}), check({ command: ['NO-SUCH-COMMAND'] }), check({ command: ['ECHO', 'x'], expect: 'y' })]);
    for (let i = 0; i < 20 && (await probeClients()) > 0; i++) await delay(50);
    expect(await probeClients()).toBe(0);
  });

  it('reports CONNECTION_REFUSED for a closed port', async () => {
    expect(await check({ url: `redis://127.0.0.1:${await closedPort()}` })).toMatchObject({ outcome: 'down', errorCode: 'CONNECTION_REFUSED' });
  });

  it('times out against a server that never answers', async () => {
    const port = await fakeServer(() => {});
    const started = Date.now();
    expect(await check({ url: `redis://127.0.0.1:${port}`, timeoutMs: 300 })).toMatchObject({ outcome: 'down', errorCode: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('does not reconnect when the server drops the connection', async () => {
    let connections = 0;
    const port = await fakeServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    const result = await check({ url: `redis://127.0.0.1:${port}` });
    expect(result).toMatchObject({ outcome: 'down', errorCode: 'CONNECTION_CLOSED' });
    await delay(300);
    expect(connections).toBe(1);
  });

  it('names the invalid field', () => {
    const parsed = RedisSettings.safeParse({ url: 'http://127.0.0.1:6379', command: ['flushall'] });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['url', 'command']);
  });
});
