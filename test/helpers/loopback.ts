import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP target that answers 200 and can be stopped and started again on the same port. */
export class LoopbackTarget {
  #server: http.Server | null = null;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/health`;
  }

  async start(): Promise<void> {
    this.#server = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => this.#server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.#server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

export interface ReceivedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A loopback webhook receiver (a Slack incoming webhook, a generic hook) that records every request. */
export class LoopbackReceiver {
  readonly requests: ReceivedRequest[] = [];
  #server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      this.requests.push({ path: req.url ?? '/', headers: req.headers, body });
      res.end('ok');
    });
  });
  url = '';

  async start(path = '/hook'): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}${path}`;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }
}
