import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../platform/errors.ts';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface WebOptions {
  /** The built dashboard (`vite build` output); defaults to web/dist in the checkout. */
  root?: string;
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Custos</title>
<body style="font:16px system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1b2430">
<h1>Custos is running</h1><p>The dashboard has not been built. Run <code>npm run build:web</code> (or <code>npm install</code>) and reload.
The API is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p></body></html>`;

/** First path segments that other routes own (`/api`, `/metrics`, `/status`, `/ping`, ...). */
function ownedSegments(app: FastifyInstance): Set<string> {
  const owned = new Set(['api', 'metrics']);
  for (const route of app.routeCatalog) {
    const first = route.url.split('/')[1];
    if (first && !/[:*]/.test(first)) owned.add(first);
  }
  return owned;
}

/**
 * Serves the dashboard: hashed assets with year-long immutable caching, and index.html (never
 * cached) for any other GET that is not an API path, so client-side routes survive a reload.
 * Registered after every other route; specific routes always win over this wildcard.
 */
export async function registerWeb(app: FastifyInstance, options: WebOptions = {}): Promise<void> {
  const root = options.root ?? DEFAULT_WEB_ROOT;
  const owned = ownedSegments(app);
  // A path the dashboard never owns: another module's prefix, or anything that looks like a file.
  const isReserved = (path: string) => owned.has(path.split('/')[1]) || /\.[A-Za-z0-9]+$/.test(path);
  const rootFiles = new Set(existsSync(root) ? readdirSync(root, { withFileTypes: true }).filter((e) => e.isFile() && e.name !== 'index.html').map((e) => e.name) : []);
  if (existsSync(join(root, 'assets'))) {
    await app.register(fastifyStatic, { root: join(root, 'assets'), prefix: '/assets/', index: false, immutable: true, maxAge: '365d', wildcard: true });
  }

  const sendIndex = (reply: FastifyReply) => {
    reply.header('cache-control', 'no-cache').header('content-security-policy', CSP);
    if (!existsSync(join(root, 'index.html'))) return reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.sendFile('index.html', root, { cacheControl: false });
  };

  app.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0];
    const file = path.slice(1);
    if (rootFiles.has(file)) return reply.header('cache-control', 'public, max-age=3600').sendFile(file, root, { cacheControl: false });
    if (isReserved(path)) throw new AppError('ROUTE_NOT_FOUND', `No route for ${request.method} ${path}`);
    return sendIndex(reply);
  });
}
