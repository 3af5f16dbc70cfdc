import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestTsa {
  url: string;
  caPem: string;
  requests: number;
  close(): Promise<void>;
}

/** A real RFC 3161 authority: `openssl ts -reply` behind a loopback HTTP server, with a throwaway CA. */
export async function startTestTsa(): Promise<TestTsa> {
  const dir = mkdtempSync(join(tmpdir(), 'custos-tsa-'));
  const at = (f: string) => join(dir, f);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  await run('openssl', ['req', '-x509', ...ec, '-keyout', at('ca.key'), '-out', at('ca.crt'), '-subj', '/CN=Custos Test CA', '-days', '2', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign']);
  await run('openssl', ['req', ...ec, '-keyout', at('tsa.key'), '-out', at('tsa.csr'), '-subj', '/CN=Custos Test TSA']);
  writeFileSync(at('ext.cnf'), 'extendedKeyUsage=critical,timeStamping\nkeyUsage=critical,digitalSignature\n');
  await run('openssl', ['x509', '-req', '-in', at('tsa.csr'), '-CA', at('ca.crt'), '-CAkey', at('ca.key'), '-CAcreateserial', '-out', at('tsa.crt'), '-days', '2', '-extfile', at('ext.cnf')]);
  writeFileSync(at('serial'), '01\n');
  writeFileSync(
    at('ts.cnf'),
    `[ tsa ]\ndefault_tsa = t\n[ t ]\ndir = ${dir}\nserial = ${at('serial')}\ncrypto_device = builtin\nsigner_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256\naccuracy = secs:1\nordering = yes\ntsa_name = no\ness_cert_id_chain = no\ness_cert_id_alg = sha256\n`,
  );
  let n = 0;
  const tsa: TestTsa = { url: '', caPem: readFileSync(at('ca.crt'), 'utf8'), requests: 0, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      tsa.requests++;
      const q = at(`q${++n}.tsq`);
      const r = at(`r${n}.tsr`);
      writeFileSync(q, Buffer.concat(chunks));
      try {
        await run('openssl', ['ts', '-reply', '-config', at('ts.cnf'), '-queryfile', q, '-signer', at('tsa.crt'), '-inkey', at('tsa.key'), '-out', r]);
        res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(readFileSync(r));
      } catch (err) {
        res.writeHead(500).end(String(err));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tsa.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  tsa.close = async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  };
  return tsa;
}
