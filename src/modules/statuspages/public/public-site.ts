import type { FastifyReply, FastifyRequest } from 'fastify';
import { verifyPassword } from '../../auth/index.ts';
import type { Services } from '../../../platform/context.ts';
import { AppError, NotFoundError } from '../../../platform/errors.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { MonitorFacts } from '../facts.ts';
import { listCustomDomains } from './list-custom-domains.ts';
import { loadPublicPage } from './load-public-page.ts';
import { PageCache, type CacheEntry, type Variant } from './page-cache.ts';
import { renderFeed } from './render-feed.ts';
import { renderNotFound, renderUnlock, type UnlockProblem } from './render-forms.ts';
import { renderStatusJson } from './render-json.ts';
import { renderComponentsYielding } from './render-components.ts';
import { renderPage } from './render-page.ts';
import { readCookie, UnlockThrottle, VIEWER_COOKIE_DAYS, viewerCookieName, viewerCookieValid, viewerCookieValue } from './viewer-cookie.ts';

export type Representation = 'html' | 'json' | 'atom' | 'rss';

/** Where a request reached a page: `/status/<slug>` or the root of the page's custom domain. */
export interface Address {
  slug: string;
  base: string;
}

export interface PublicSiteOptions {
  services: Services;
  facts: MonitorFacts;
  logger: Logger;
  /** The public origin of Custos, for absolute links in feeds and JSON. */
  publicUrl?: string;
  ttlMs: number;
  staleMs: number;
}

const CONTENT_TYPES: Record<Exclude<Representation, 'html'>, string> = {
  json: 'application/json; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
};
const HTML = 'text/html; charset=utf-8';
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; form-action 'self'; base-uri 'none'";
/**
 * Helmet's default headers, precomputed: the public routes skip helmet's per-request middleware,
 * which cost about a quarter of their CPU time, and send the same protections.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
});
const HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = etag.slice(2);
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === opaque || t === `W/${opaque}`;
  });
}

/** Serves published pages from the cache; answers custom domains, passwords and conditional requests. */
export class PublicSite {
  readonly cache: PageCache;
  readonly #options: PublicSiteOptions;
  readonly #throttle = new UnlockThrottle();
  #domains = new Map<string, string>();

  constructor(options: PublicSiteOptions) {
    this.#options = options;
    this.cache = new PageCache({
      load: (slug) => loadPublicPage({ services: options.services, facts: options.facts, slug }),
      clock: options.services.clock,
      ttlMs: options.ttlMs,
      staleMs: options.staleMs,
      maxEntries: 1000,
      onError: (err, slug) => options.logger.warn({ err, slug }, 'status page refresh failed; serving the previous rendering'),
    });
  }

  /** The slug of the page whose custom domain the Host header names. */
  slugForHost(host: string | undefined): string | undefined {
    if (!host || this.#domains.size === 0) return undefined;
    return this.#domains.get(host.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase());
  }

  async reloadDomains(): Promise<void> {
    this.#domains = await listCustomDomains({ services: this.#options.services });
  }

  #pageUrl(request: FastifyRequest, address: Address): string {
    const host = typeof request.headers.host === 'string' && HOST.test(request.headers.host) ? request.headers.host : 'localhost';
    if (address.base === '') return `${request.protocol}://${host}`;
    const origin = this.#options.publicUrl?.replace(/\/+$/, '') ?? `${request.protocol}://${host}`;
    return `${origin}${address.base}`;
  }

  async respond(request: FastifyRequest, reply: FastifyReply, address: Address, representation: Representation): Promise<FastifyReply> {
    reply.headers(SECURITY_HEADERS);
    const entry = this.cache.peek(address.slug) ?? (await this.cache.get(address.slug));
    const value = entry.value;
    if (!value) {
      if (representation !== 'html') throw new NotFoundError('Status page', 'STATUS_PAGE_NOT_FOUND');
      return reply.status(404).header('cache-control', 'public, max-age=10').header('content-security-policy', CSP).type(HTML).send(renderNotFound());
    }
    const now = this.#options.services.clock.now();
    const { page } = value;
    if (page.password_hash !== null) {
      const cookie = readCookie(request.headers.cookie, viewerCookieName(page.id));
      if (!viewerCookieValid(cookie, page.cookie_secret, page.id, now)) {
        if (representation !== 'html') throw new AppError('STATUS_PAGE_PASSWORD_REQUIRED', 'This status page is password-protected');
        return this.#unlockForm(reply, value.view.page, address, null, 200);
      }
    }
    const key = representation === 'html' ? `html ${address.base}` : `${representation} ${this.#pageUrl(request, address)}`;
    const variant = entry.ready.get(key) ?? (await this.#variant(entry, key, address, representation));
    reply
      .header('etag', variant.etag)
      .header('cache-control', page.password_hash === null ? 'public, max-age=10' : 'private, max-age=10')
      .header('vary', page.password_hash === null ? 'Accept-Encoding' : 'Accept-Encoding, Cookie');
    if (matchesEtag(request.headers['if-none-match'], variant.etag)) return reply.status(304).send();
    if (representation === 'html') reply.header('content-security-policy', CSP);
    // Public status data may be read by other sites' widgets, as Statuspage's API allows.
    else if (page.password_hash === null) reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');
    reply.type(variant.contentType);
    const acceptsGzip = variant.gzip !== null && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    if (acceptsGzip) reply.header('content-encoding', 'gzip');
    return reply.send(acceptsGzip ? variant.gzip : variant.body);
  }

  #variant(entry: CacheEntry, key: string, address: Address, representation: Representation): Promise<Variant> {
    const view = entry.value!.view;
    if (representation === 'html') {
      return this.cache.variant(entry, key, async () => ({ text: renderPage(view, address.base, await renderComponentsYielding(view)), contentType: HTML }));
    }
    const url = key.slice(representation.length + 1);
    return this.cache.variant(entry, key, () => ({
      text: representation === 'json' ? renderStatusJson(view, url) : renderFeed(view, url, representation),
      contentType: CONTENT_TYPES[representation],
    }));
  }

  #unlockForm(reply: FastifyReply, page: Parameters<typeof renderUnlock>[0], address: Address, problem: UnlockProblem, status: number): FastifyReply {
    return reply
      .status(status)
      .header('cache-control', 'no-store')
      .header('content-security-policy', CSP)
      .type(HTML)
      .send(renderUnlock(page, address.base || '/', problem));
  }

  /** The password form's POST: sets the signed viewer cookie and sends the browser back to the page. */
  async unlock(request: FastifyRequest, reply: FastifyReply, address: Address): Promise<FastifyReply> {
    reply.headers(SECURITY_HEADERS);
    const entry = await this.cache.get(address.slug);
    const value = entry.value;
    if (!value) return reply.status(404).header('cache-control', 'no-store').type(HTML).send(renderNotFound());
    const { page } = value;
    const target = address.base || '/';
    if (page.password_hash === null) return reply.status(303).header('location', target).send();
    const now = this.#options.services.clock.now();
    const key = `${page.id} ${request.ip}`;
    if (!this.#throttle.allowed(key, now)) return this.#unlockForm(reply, value.view.page, address, 'throttled', 429);
    const body = request.body as { password?: unknown } | undefined;
    const password = typeof body?.password === 'string' ? body.password.slice(0, 200) : '';
    if (!password || !(await verifyPassword(password, page.password_hash))) {
      this.#throttle.fail(key, now);
      return this.#unlockForm(reply, value.view.page, address, 'wrong', 401);
    }
    const cookie = viewerCookieValue(page.cookie_secret, page.id, now);
    const secure = request.protocol === 'https' ? '; Secure' : '';
    return reply
      .status(303)
      .header('set-cookie', `${viewerCookieName(page.id)}=${cookie.value}; Path=${target}; Max-Age=${VIEWER_COOKIE_DAYS * 86_400}; HttpOnly; SameSite=Lax${secure}`)
      .header('cache-control', 'no-store')
      .header('location', target)
      .send();
  }
}
