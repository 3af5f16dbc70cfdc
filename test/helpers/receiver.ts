import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestReceiver {
  url: string;
  bodies: string[];
  /** The status the next requests are answered with. */
  status: number;
  close(): Promise<void>;
}

/** A loopback HTTP endpoint that records each body and answers with `status`. */
export async function startReceiver(status = 200): Promise<TestReceiver> {
  const receiver: TestReceiver = { url: '', bodies: [], status, close: async () => {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      receiver.bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(receiver.status, { 'content-type': 'text/plain' }).end('noted');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/checkpoints`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}
