import { createHash, randomBytes } from 'node:crypto';
import type * as Asn1js from 'asn1js';
import type * as Pkijs from 'pkijs';
import { z } from 'zod';
import { lazyRequire } from '../../../platform/lazy-require.ts';
import { checkpointPayload } from '../checkpoint.ts';
import type { WitnessKind } from './types.ts';

const asn1js = lazyRequire<typeof Asn1js>('asn1js');
const pkijs = lazyRequire<typeof Pkijs>('pkijs');

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const TIMEOUT_MS = 15_000;
const GRANTED = new Set([0, 1]);

const Settings = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000).describe('the timestamp authority (RFC 3161 over HTTP)'),
  caCertificate: z.string().max(20_000).optional().describe('PEM of the authority’s CA; when set, the token’s signature is checked against it'),
});

const pemToDer = (pem: string) => Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
const bytes = (buf: Uint8Array) => new Uint8Array(buf).buffer;

function timeStampRequest(imprint: Buffer, nonce: Buffer): Buffer {
  const req = new (pkijs().TimeStampReq)({
    version: 1,
    messageImprint: new (pkijs().MessageImprint)({
      hashAlgorithm: new (pkijs().AlgorithmIdentifier)({ algorithmId: SHA256_OID }),
      hashedMessage: new (asn1js().OctetString)({ valueHex: bytes(imprint) }),
    }),
    nonce: new (asn1js().Integer)({ valueHex: bytes(nonce) }),
    certReq: true,
  });
  return Buffer.from(req.toSchema().toBER(false));
}

function parse<T>(der: Uint8Array, make: (schema: Asn1js.AsnType) => T, what: string): T {
  const asn1 = asn1js().fromBER(bytes(der));
  if (asn1.offset === -1) throw new Error(`the ${what} is not valid DER`);
  return make(asn1.result);
}

function tstInfoOf(token: Pkijs.ContentInfo): { signed: Pkijs.SignedData; info: Pkijs.TSTInfo } {
  const signed = new (pkijs().SignedData)({ schema: token.content });
  const content = signed.encapContentInfo.eContent;
  if (!content) throw new Error('the timestamp token carries no TSTInfo');
  return { signed, info: parse(content.valueBlock.valueHexView, (schema) => new (pkijs().TSTInfo)({ schema }), 'TSTInfo') };
}

/** The SHA-256 message imprint and time a stored token attests (offline checks of a pack). */
export function timestampTokenImprint(tokenDer: Uint8Array): { imprint: string; genTime: string } {
  const token = parse(tokenDer, (schema) => new (pkijs().ContentInfo)({ schema }), 'timestamp token');
  const { info } = tstInfoOf(token);
  return { imprint: Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).toString('hex'), genTime: info.genTime.toISOString() };
}

/**
 * Asks the authority to timestamp `data` (by its SHA-256) and checks that the answer is granted
 * and names our imprint and nonce, and, with a CA, that its signature chains to it. Returns the token (DER).
 */
export async function requestTimestamp(url: string, data: Uint8Array, options: { signal: AbortSignal; caCertificate?: string }): Promise<Buffer> {
  const imprint = createHash('sha256').update(data).digest();
  const nonce = randomBytes(8);
  nonce[0] &= 0x7f;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply', 'user-agent': 'Custos-Evidence/1' },
    body: new Uint8Array(timeStampRequest(imprint, nonce)),
    redirect: 'error',
    signal: AbortSignal.any([options.signal, AbortSignal.timeout(TIMEOUT_MS)]),
  });
  const body = new Uint8Array(await res.arrayBuffer());
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const resp = parse(body, (schema) => new (pkijs().TimeStampResp)({ schema }), 'timestamp response');
  if (!GRANTED.has(resp.status.status)) throw new Error(`the authority refused: status ${resp.status.status}${resp.status.statusStrings?.length ? ` (${resp.status.statusStrings.map((s) => s.valueBlock.value).join('; ')})` : ''}`);
  if (!resp.timeStampToken) throw new Error('the answer carries no timestamp token');
  const { signed, info } = tstInfoOf(resp.timeStampToken);
  if (info.messageImprint.hashAlgorithm.algorithmId !== SHA256_OID || !Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(imprint)) {
    throw new Error('the token’s message imprint is not the checkpoint’s SHA-256');
  }
  if (!info.nonce || !Buffer.from(info.nonce.valueBlock.valueHexView).equals(nonce)) throw new Error('the token’s nonce is not ours');
  if (options.caCertificate) {
    const ca = parse(pemToDer(options.caCertificate), (schema) => new (pkijs().Certificate)({ schema }), 'CA certificate');
    const ok = await signed.verify({ signer: 0, trustedCerts: [ca], checkChain: true, data: bytes(data) }).catch(() => false);
    if (!ok) throw new Error('the token’s signature does not chain to the configured CA');
  }
  return Buffer.from(resp.timeStampToken.toSchema().toBER(false));
}

export const rfc3161Witness: WitnessKind<z.infer<typeof Settings>> = {
  type: 'rfc3161',
  settings: Settings,
  // The imprint is of the signed checkpoint bytes, so anyone holding the checkpoint can match the token to it.
  async publish({ checkpoint, settings, signal }) {
    const token = await requestTimestamp(settings.url, checkpointPayload(checkpoint), { signal, caCertificate: settings.caCertificate });
    return token.toString('base64');
  },
};
