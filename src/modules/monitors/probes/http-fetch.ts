import type { IncomingHttpHeaders } from 'node:http';
import { type HttpExchange, type HttpExchangeOptions, httpExchange } from './http-request.ts';
import { ProbeFailure } from './probe-failure.ts';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding']);

export interface FetchOptions extends Omit<HttpExchangeOptions, 'readBody'> {
  followRedirects: boolean;
  maxRedirects: number;
}

export interface FetchResult {
  response: HttpExchange;
  finalUrl: URL;
  redirects: string[];
}

/** The URL without userinfo, for results and messages. */
export function displayUrl(url: URL): string {
  if (!url.username && !url.password) return url.href;
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

function withoutHeaders(headers: Record<string, string>, names: Set<string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.has(name.toLowerCase())));
}

/**
 * Follows redirects like a browser: 303 (and 301/302 after POST) become GET without a body,
 * and credentials are not sent to another origin.
 */
export async function fetchFollowing(options: FetchOptions): Promise<FetchResult> {
  let { url, method, headers, body } = options;
  const redirects: string[] = [];
  const follows = (status: number, responseHeaders: IncomingHttpHeaders) =>
    options.followRedirects && REDIRECT_STATUSES.has(status) && responseHeaders.location !== undefined;
  for (;;) {
    const response = await httpExchange({ ...options, url, method, headers, body, readBody: (status, h) => !follows(status, h) });
    if (!follows(response.status, response.headers)) return { response, finalUrl: url, redirects };
    const location = response.headers.location ?? '';
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new ProbeFailure('INVALID_REDIRECT', `redirect to an invalid location "${location}"`, { details: { status: response.status, redirects } });
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new ProbeFailure('INVALID_REDIRECT', `redirect to unsupported scheme ${next.protocol}`, { details: { status: response.status, redirects } });
    }
    if (redirects.length >= options.maxRedirects) {
      throw new ProbeFailure('TOO_MANY_REDIRECTS', `more than ${options.maxRedirects} redirects`, {
        details: { redirects: [...redirects, displayUrl(next)] },
      });
    }
    redirects.push(displayUrl(next));
    if ((response.status === 303 && method !== 'HEAD') || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
      headers = withoutHeaders(headers, BODY_HEADERS);
    }
    if (next.origin !== url.origin) headers = withoutHeaders(headers, CREDENTIAL_HEADERS);
    url = next;
  }
}
