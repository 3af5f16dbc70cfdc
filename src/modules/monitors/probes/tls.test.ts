import { X509Certificate } from 'node:crypto';
import http from 'node:http';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, closeServer, createTestCa, createTestCert, DAY_MS, listen, type Pem, testContext } from './test-helpers.ts';
import { tlsProbe, TlsSettings } from './tls.ts';

let ca: Pem;
const servers: Array<http.Server | tls.Server> = [];

async function serveCert(pem: Pem): Promise<number> {
  const server = tls.createServer(pem, (socket) => socket.end());
  servers.push(server);
  return listen(server);
}

beforeAll(async () => {
  ca = await createTestCa();
});
afterAll(async () => {
  await Promise.all(servers.map(closeServer));
});

const check = (raw: Record<string, unknown>, now?: number) =>
  tlsProbe.check(TlsSettings.parse({ host: '127.0.0.1', ...raw }), testContext(now === undefined ? {} : { now: () => now }));

describe('tlsProbe', () => {
  it('is up for a trusted, matching certificate and reports what it saw', async () => {
    const pem = await createTestCert({ ca });
    const port = await serveCert(pem);
    const result = await check({ port, ca: ca.cert });
    const x509 = new X509Certificate(pem.cert);
    expect(result.outcome).toBe('up');
    expect(result.details).toMatchObject({
      subject: 'CN=localhost',
      issuer: 'CN=Custos Test CA',
      serialNumber: x509.serialNumber,
      fingerprint256: x509.fingerprint256,
      keyType: 'ec',
      keyCurve: 'prime256v1',
      notAfter: x509.validToDate.toISOString(),
      chainValid: true,
      hostnameMatch: true,
      authorizationError: null,
      problems: [],
    });
    expect(result.details?.daysRemaining).toBeGreaterThan(360);
    expect(result.timings?.tlsMs).toBeGreaterThanOrEqual(0);
  });

  it('checks the name given as SNI', async () => {
    const port = await serveCert(await createTestCert({ ca }));
    expect((await check({ port, ca: ca.cert, servername: 'localhost' })).outcome).toBe('up');
    expect(await check({ port, ca: ca.cert, servername: 'api.example.com' })).toMatchObject({ outcome: 'down', errorCode: 'TLS_HOSTNAME_MISMATCH' });
  });

  it('is degraded inside the warning window and down inside the critical window', async () => {
    const pem = await createTestCert({ ca });
    const port = await serveCert(pem);
    const notAfter = new X509Certificate(pem.cert).validToDate.getTime();
    const warning = await check({ port, ca: ca.cert }, notAfter - 10 * DAY_MS);
    expect(warning).toMatchObject({ outcome: 'degraded', errorCode: 'CERT_EXPIRING', details: { daysRemaining: 10 } });
    const critical = await check({ port, ca: ca.cert }, notAfter - 3 * DAY_MS);
    expect(critical).toMatchObject({ outcome: 'down', errorCode: 'CERT_EXPIRING_CRITICAL', details: { daysRemaining: 3 } });
    expect((await check({ port, ca: ca.cert, warningDays: 5, criticalDays: 2 }, notAfter - 10 * DAY_MS)).outcome).toBe('up');
  });

  it('reads a self-signed certificate and reports TLS_SELF_SIGNED', async () => {
    const pem = await createTestCert();
    const port = await serveCert(pem);
    const result = await check({ port });
    expect(result).toMatchObject({
      outcome: 'down',
      errorCode: 'TLS_SELF_SIGNED',
      details: { chainValid: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT', fingerprint256: new X509Certificate(pem.cert).fingerprint256 },
    });
  });

  it('reports TLS_CERT_EXPIRED with negative days remaining', async () => {
    const port = await serveCert(await createTestCert({ ca, notBefore: new Date(Date.now() - 60 * DAY_MS), notAfter: new Date(Date.now() - 2 * DAY_MS) }));
    const result = await check({ port, ca: ca.cert });
    expect(result).toMatchObject({ outcome: 'down', errorCode: 'TLS_CERT_EXPIRED', details: { chainValid: false, authorizationError: 'CERT_HAS_EXPIRED' } });
    expect(result.details?.daysRemaining).toBeLessThan(0);
  });

  it('reports TLS_HOSTNAME_MISMATCH for a certificate issued to another host', async () => {
    const port = await serveCert(await createTestCert({ ca, hosts: ['wrong.example'] }));
    const result = await check({ port, ca: ca.cert });
    expect(result).toMatchObject({ outcome: 'down', errorCode: 'TLS_HOSTNAME_MISMATCH', details: { hostnameMatch: false, chainValid: true, subject: 'CN=wrong.example' } });
  });

  it('reports TLS_UNTRUSTED_CHAIN for a certificate from an unknown CA', async () => {
    const port = await serveCert(await createTestCert({ ca }));
    expect(await check({ port })).toMatchObject({ outcome: 'down', errorCode: 'TLS_UNTRUSTED_CHAIN' });
  });

  it('reports CONNECTION_REFUSED and TLS_HANDSHAKE_FAILED', async () => {
    expect(await check({ port: await closedPort() })).toMatchObject({ outcome: 'down', errorCode: 'CONNECTION_REFUSED' });
    const plain = http.createServer((_req, res) => res.end());
    servers.push(plain);
    expect(await check({ port: await listen(plain) })).toMatchObject({ outcome: 'down', errorCode: 'TLS_HANDSHAKE_FAILED' });
  });

  it('names the invalid field', () => {
    const parsed = TlsSettings.safeParse({ host: '127.0.0.1', servername: '10.0.0.1', warningDays: 3, criticalDays: 7 });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['servername', 'warningDays']);
  });
});
