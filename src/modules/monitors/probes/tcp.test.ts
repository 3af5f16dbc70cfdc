import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { tcpProbe, TcpSettings } from './tcp.ts';
import { closedPort, closeServer, listen, testContext } from './test-helpers.ts';

const servers: net.Server[] = [];
async function serve(onConnection: (socket: net.Socket) => void): Promise<number> {
  const server = net.createServer(onConnection);
  servers.push(server);
  return listen(server);
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map(closeServer));
});

const check = (raw: Record<string, unknown>) => tcpProbe.check(TcpSettings.parse({ host: '127.0.0.1', ...raw }), testContext());

describe('tcpProbe', () => {
  it('is up when the port accepts a connection', async () => {
    const port = await serve((socket) => socket.end());
    const result = await check({ port });
    expect(result).toMatchObject({ outcome: 'up', details: { port } });
    expect(result.timings?.connectMs).toBeGreaterThanOrEqual(0);
  });

  it('reports CONNECTION_REFUSED for a closed port', async () => {
    expect(await check({ port: await closedPort() })).toMatchObject({ outcome: 'down', errorCode: 'CONNECTION_REFUSED' });
  });

  it('sends a string and expects a reply', async () => {
    const port = await serve((socket) =>
      socket.on('data', (data) => {
        if (String(data) !== 'PING\r\n') return;
        socket.write('+PO');
        setTimeout(() => socket.write('NG\r\n'), 10);
      }),
    );
    const result = await check({ port, send: 'PING\r\n', expect: 'PONG' });
    expect(result).toMatchObject({ outcome: 'up', details: { reply: '+PONG\r\n' } });
  });

  it('expects a banner without sending anything', async () => {
    const port = await serve((socket) => socket.write('SSH-2.0-OpenSSH_9.6\r\n'));
    expect(await check({ port, expect: 'SSH-2.0' })).toMatchObject({ outcome: 'up' });
  });

  it('reports UNEXPECTED_REPLY when the reply does not match', async () => {
    const port = await serve((socket) => socket.end('-ERR unknown command\r\n'));
    const result = await check({ port, send: 'PING\r\n', expect: 'PONG' });
    expect(result).toMatchObject({ outcome: 'down', errorCode: 'UNEXPECTED_REPLY', details: { reply: '-ERR unknown command\r\n' } });
  });

  it('reports CONNECTION_CLOSED when the server hangs up without replying', async () => {
    const port = await serve((socket) => socket.end());
    expect(await check({ port, expect: 'hello' })).toMatchObject({ outcome: 'down', errorCode: 'CONNECTION_CLOSED' });
  });

  it('times out when the expected reply never comes', async () => {
    const port = await serve(() => {});
    const started = Date.now();
    expect(await check({ port, send: 'x', expect: 'y', timeoutMs: 300 })).toMatchObject({ outcome: 'down', errorCode: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('names the invalid field', () => {
    const parsed = TcpSettings.safeParse({ host: '', port: 70_000 });
    expect(new Set(parsed.error?.issues.map((i) => i.path.join('.')))).toEqual(new Set(['host', 'port']));
  });
});
