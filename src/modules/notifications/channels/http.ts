import http from 'node:http';
import https from 'node:https';
import type { SendContext, SendResult } from './types.ts';

export interface HttpCall {
  url: string;
  method?: 'POST' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpAnswer extends SendResult {
  body: string;
}

const MAX_BODY = 64 * 1024;
export const USER_AGENT = 'Custos-Notifier/1';

/** 2xx delivered; 408, 429 and 5xx retried; any other status is the receiver refusing for good. */
export function classifyStatus(status: number): { ok: boolean; permanent: boolean } {
  if (status >= 200 && status < 300) return { ok: true, permanent: false };
  return { ok: false, permanent: !(status === 408 || status === 429 || status >= 500) };
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from `now`. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Why a request failed, without the URL: some channels carry credentials in it (Telegram's bot
 * token, a Slack webhook path), and errors end up in receipts.
 */
export function describeFailure(err: unknown, ctx: SendContext): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string; message?: string } };
  if (ctx.signal.aborted) {
    const reason = ctx.signal.reason as { name?: string } | undefined;
    return reason?.name === 'TimeoutError' ? `timed out after ${ctx.timeoutMs} ms` : 'aborted: Custos is shutting down';
  }
  const code = e?.cause?.code ?? e?.code;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `connection reset (${code})`;
  if (code === 'ECONNREFUSED') return 'connection refused (ECONNREFUSED)';
  if (code) return `network error (${code})`;
  return `request failed (${e?.name ?? 'Error'})`;
}

// node:http keeps connections alive per origin; a receiver that resets or a timed-out attempt costs
// only a new socket, where fetch would also build a new parser instance per connection.
const AGENTS = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

function answer(status: number, headers: http.IncomingHttpHeaders, body: string, ctx: SendContext): HttpAnswer {
  const { ok, permanent } = classifyStatus(status);
  const retryAfter = headers['retry-after'];
  return {
    ok,
    permanent,
    statusCode: status,
    retryAfterMs: parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, ctx.now()),
    body,
    error: ok ? undefined : `HTTP ${status}${body ? `: ${body.slice(0, 200)}` : ''}`,
  };
}

/** One HTTP request with the attempt's signal; never throws, never follows redirects. */
export function callHttp(call: HttpCall, ctx: SendContext): Promise<HttpAnswer> {
  return new Promise((resolve) => {
    const fail = (err: unknown) => resolve({ ok: false, body: '', error: describeFailure(err, ctx) });
    let url: URL;
    try {
      url = new URL(call.url);
    } catch {
      resolve({ ok: false, permanent: true, body: '', error: 'invalid URL' });
      return;
    }
    const lib = url.protocol === 'https:' ? https : http;
    const body = call.body === undefined ? undefined : Buffer.from(call.body, 'utf8');
    const headers = { 'user-agent': USER_AGENT, ...(body ? { 'content-length': String(body.length) } : {}), ...call.headers };
    const req = lib.request(url, { method: call.method ?? 'POST', headers, agent: AGENTS[url.protocol as 'http:'], signal: ctx.signal }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_BODY) chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => resolve(answer(res.statusCode ?? 0, res.headers, Buffer.concat(chunks).toString('utf8').slice(0, MAX_BODY), ctx)));
      res.on('error', fail);
      res.on('close', () => {
        if (!res.complete) fail(Object.assign(new Error('response cut short'), { code: 'ECONNRESET' }));
      });
    });
    req.on('error', fail);
    req.end(body);
  });
}

export const postJson = (url: string, payload: unknown, ctx: SendContext, headers: Record<string, string> = {}) =>
  callHttp({ url, body: JSON.stringify(payload), headers: { 'content-type': 'application/json', ...headers } }, ctx);

/** Joins a configurable base URL and a path without doubling or dropping the slash. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
