import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { VERSION } from '../../../platform/version.ts';
import type { ProbeTimings } from './probe.ts';
import { PhaseTimer } from './timing.ts';

export const PROBE_USER_AGENT = `Custos/${VERSION} (uptime probe)`;

export interface HttpExchangeOptions {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
  verifyTls: boolean;
  ca?: string;
  maxBodyBytes: number;
  /** Decides from the status line whether to read the body at all (redirect hops skip it). */
  readBody(status: number, headers: IncomingHttpHeaders): boolean;
  signal: AbortSignal;
}

export interface HttpExchange {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  bodyTruncated: boolean;
  httpVersion: string;
  timings: ProbeTimings;
}

function connectionReset(message: string): Error {
  return Object.assign(new Error(message), { code: 'ECONNRESET' });
}

/**
 * One request on a fresh connection. Reads at most `maxBodyBytes` of the body, then destroys
 * the socket, so an endless or huge body costs no more memory than the cap.
 */
export function httpExchange(options: HttpExchangeOptions): Promise<HttpExchange> {
  const { url, signal } = options;
  return new Promise((resolve, reject) => {
    const timer = new PhaseTimer();
    const transport = url.protocol === 'https:' ? https : http;
    const req = transport.request(url, {
      method: options.method,
      headers: options.headers,
      agent: false,
      rejectUnauthorized: options.verifyTls,
      ...(options.ca === undefined ? {} : { ca: options.ca }),
    });
    let settled = false;
    const settle = (complete: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      complete();
    };
    const fail = (err: unknown) =>
      settle(() => {
        req.destroy();
        reject(err);
      });
    const onAbort = () => fail(signal.reason);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });

    req.on('socket', (socket) => timer.trace(socket));
    req.on('error', fail);
    req.on('response', (res: IncomingMessage) => {
      timer.markFirstByte();
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (bodyTruncated: boolean) =>
        settle(() => {
          req.destroy();
          const body = Buffer.concat(chunks, size);
          resolve({ status, headers: res.headers, body, bodyTruncated, httpVersion: res.httpVersion, timings: timer.timings() });
        });
      if (!options.readBody(status, res.headers)) {
        done(false);
        return;
      }
      res.on('data', (chunk: Buffer) => {
        if (size + chunk.length > options.maxBodyBytes) {
          chunks.push(chunk.subarray(0, options.maxBodyBytes - size));
          size = options.maxBodyBytes;
          done(true);
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => done(false));
      res.on('error', fail);
      res.on('close', () => {
        if (!res.complete) fail(connectionReset('the connection closed before the body was complete'));
      });
    });
    req.end(options.body);
  });
}
