import dgram from 'node:dgram';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import dnsPacket, { type Answer, type Packet } from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dnsProbe, DnsSettings, parseResolverAddress } from './dns.ts';
import { testContext } from './test-helpers.ts';

const NXDOMAIN = 3;
const SERVFAIL = 2;

const zone: Record<string, Answer[]> = {
  'ok.test': [
    { type: 'A', name: 'ok.test', data: '192.0.2.1' },
    { type: 'A', name: 'ok.test', data: '192.0.2.2' },
    { type: 'AAAA', name: 'ok.test', data: '2001:db8::1' },
    { type: 'MX', name: 'ok.test', data: { preference: 10, exchange: 'mail.ok.test' } },
    { type: 'TXT', name: 'ok.test', data: ['v=spf1 ', '-all'] },
    { type: 'NS', name: 'ok.test', data: 'ns1.ok.test' },
    { type: 'SOA', name: 'ok.test', data: { mname: 'ns1.ok.test', rname: 'hostmaster.ok.test', serial: 2026010101, refresh: 3600, retry: 600, expire: 86400, minimum: 300 } },
    { type: 'CAA', name: 'ok.test', data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } },
  ],
  'www.ok.test': [{ type: 'CNAME', name: 'www.ok.test', data: 'ok.test' }],
};

let server: dgram.Socket;
let resolver: string;

/** A loopback authoritative server: known names answer, broken.test SERVFAILs, silent.test never answers. */
async function startDnsServer(): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (message, remote) => {
    const query = dnsPacket.decode(message);
    const question = query.questions?.[0];
    if (!question || question.name === 'silent.test') return;
    const records = zone[question.name.toLowerCase()];
    const rcode = question.name === 'broken.test' ? SERVFAIL : records ? 0 : NXDOMAIN;
    const response: Packet = {
      type: 'response',
      id: query.id,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | dnsPacket.AUTHORITATIVE_ANSWER | rcode,
      questions: query.questions,
      answers: (records ?? []).filter((r) => r.type === question.type || (r.type === 'CNAME' && question.type !== 'CNAME')),
    };
    socket.send(dnsPacket.encode(response), remote.port, remote.address);
  });
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  return socket;
}

beforeAll(async () => {
  server = await startDnsServer();
  resolver = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const check = (raw: Record<string, unknown>) => dnsProbe.check(DnsSettings.parse({ resolver, ...raw }), testContext());

describe('dnsProbe', () => {
  it('answers each record type in a comparable form', async () => {
    const expected: Record<string, string[]> = {
      A: ['192.0.2.1', '192.0.2.2'],
      AAAA: ['2001:db8::1'],
      MX: ['10 mail.ok.test'],
      TXT: ['v=spf1 -all'],
      NS: ['ns1.ok.test'],
      SOA: ['ns1.ok.test hostmaster.ok.test 2026010101 3600 600 86400 300'],
      CAA: ['0 issue letsencrypt.org'],
    };
    for (const [recordType, values] of Object.entries(expected)) {
      const result = await check({ name: 'ok.test', recordType, expectValues: values, match: 'exact' });
      expect(result, recordType).toMatchObject({ outcome: 'up', details: { rcode: 'NOERROR', values } });
    }
    expect(await check({ name: 'www.ok.test', recordType: 'CNAME', expectValues: ['OK.test.'] })).toMatchObject({ outcome: 'up' });
  });

  it('compares exact sets and subsets, ignoring case, root dots and IPv6 spelling', async () => {
    expect((await check({ name: 'ok.test', expectValues: ['192.0.2.2'] })).outcome).toBe('up');
    expect((await check({ name: 'ok.test', recordType: 'AAAA', expectValues: ['2001:0db8:0:0::1'], match: 'exact' })).outcome).toBe('up');
    const notExact = await check({ name: 'ok.test', expectValues: ['192.0.2.1'], match: 'exact' });
    expect(notExact).toMatchObject({ outcome: 'down', errorCode: 'DNS_ANSWER_MISMATCH', details: { unexpected: ['192.0.2.2'] } });
    const missing = await check({ name: 'ok.test', expectValues: ['198.51.100.7'] });
    expect(missing).toMatchObject({ outcome: 'down', errorCode: 'DNS_ANSWER_MISMATCH', details: { missing: ['198.51.100.7'] } });
  });

  it('reports DNS_NXDOMAIN for a name that does not exist, unless NXDOMAIN is expected', async () => {
    expect(await check({ name: 'missing.test' })).toMatchObject({ outcome: 'down', errorCode: 'DNS_NXDOMAIN' });
    expect(await check({ name: 'missing.test', expectRcode: 'NXDOMAIN' })).toMatchObject({ outcome: 'up', details: { rcode: 'NXDOMAIN' } });
    expect(await check({ name: 'ok.test', expectRcode: 'NXDOMAIN' })).toMatchObject({ outcome: 'down', errorCode: 'DNS_RCODE_MISMATCH' });
  });

  it('reports DNS_NO_DATA when the name has no record of the type', async () => {
    expect(await check({ name: 'www.ok.test', recordType: 'MX' })).toMatchObject({ outcome: 'down', errorCode: 'DNS_NO_DATA' });
    expect(await check({ name: 'ok.test', recordType: 'CNAME' })).toMatchObject({ outcome: 'down', errorCode: 'DNS_NO_DATA' });
  });

  it('reports DNS_SERVFAIL', async () => {
    expect(await check({ name: 'broken.test' })).toMatchObject({ outcome: 'down', errorCode: 'DNS_SERVFAIL' });
  });

  it('reports DNS_TIMEOUT when the resolver never answers', async () => {
    const started = Date.now();
    expect(await check({ name: 'silent.test', timeoutMs: 500 })).toMatchObject({ outcome: 'down', errorCode: 'DNS_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('validates the resolver address and names the field', () => {
    expect(parseResolverAddress('192.0.2.53')).toBe('192.0.2.53:53');
    expect(parseResolverAddress('[::1]:5353')).toBe('[::1]:5353');
    expect(parseResolverAddress('::1')).toBe('[::1]:53');
    for (const bad of ['dns.example', '192.0.2.53:0', '192.0.2.53:99999', '[dns]:53']) expect(parseResolverAddress(bad)).toBeUndefined();
    const parsed = DnsSettings.safeParse({ name: 'bad name', recordType: 'PTR', resolver: 'resolver.example' });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['name', 'recordType', 'resolver']);
  });
});
