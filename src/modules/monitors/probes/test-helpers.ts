import { once } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import type { ProbeContext } from './probe.ts';

export function testContext(overrides: Partial<ProbeContext> = {}): ProbeContext {
  return { signal: new AbortController().signal, timeoutMs: 5_000, now: () => Date.now(), ...overrides };
}

const connections = new WeakMap<net.Server, Set<net.Socket>>();

/** Listens on a loopback port 0 and tracks connections so `closeServer` never waits on a client. */
export async function listen<T extends net.Server>(server: T): Promise<number> {
  const open = new Set<net.Socket>();
  connections.set(server, open);
  server.on('connection', (socket: net.Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

export async function closeServer(server: net.Server): Promise<void> {
  for (const socket of connections.get(server) ?? []) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A loopback port nothing listens on: bound once to reserve a number, then closed. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await closeServer(server);
  return port;
}

export interface TestHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(handler: http.RequestListener, tlsOptions?: { key: string; cert: string }): Promise<TestHttpServer> {
  const server = tlsOptions ? https.createServer(tlsOptions, handler) : http.createServer(handler);
  const port = await listen(server);
  return { url: `${tlsOptions ? 'https' : 'http'}://127.0.0.1:${port}`, port, close: () => closeServer(server) };
}

export interface Pem {
  key: string;
  cert: string;
}

const DAY = 86_400_000;

export async function createTestCa(): Promise<Pem> {
  const pems = await generate([{ name: 'commonName', value: 'Custos Test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - DAY),
    notAfterDate: new Date(Date.now() + 3650 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

export interface CertOptions {
  /** Signs with this CA; self-signed without it. */
  ca?: Pem;
  hosts?: string[];
  notBefore?: Date;
  notAfter?: Date;
}

export async function createTestCert(options: CertOptions = {}): Promise<Pem> {
  const hosts = options.hosts ?? ['localhost', '127.0.0.1'];
  const pems = await generate([{ name: 'commonName', value: hosts[0] }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: options.notBefore ?? new Date(Date.now() - DAY),
    notAfterDate: options.notAfter ?? new Date(Date.now() + 365 * DAY),
    ...(options.ca ? { ca: options.ca } : {}),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'subjectAltName', altNames: hosts.map((h) => (net.isIP(h) ? { type: 7 as const, ip: h } : { type: 2 as const, value: h })) },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

export const DAY_MS = DAY;
