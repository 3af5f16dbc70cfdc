import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Address, PublicSite, Representation } from '../public/public-site.ts';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const CUSTOM_DOMAIN = 'statusPageDomain';

const PATHS: [string, Representation][] = [
  ['', 'html'],
  ['/feed.atom', 'atom'],
  ['/feed.rss', 'rss'],
  ['/status.json', 'json'],
  // Where Statuspage serves them, so a `statuspage` probe pointed at the page finds them.
  ['/api/v2/status.json', 'json'],
  ['/api/v2/summary.json', 'json'],
];

// The handlers send helmet's headers themselves (SECURITY_HEADERS), precomputed.
const HIDDEN = { schema: { hide: true }, helmet: false } as const;
const ON_DOMAIN = { ...HIDDEN, constraints: { [CUSTOM_DOMAIN]: 'yes' } };

function bySlug(request: FastifyRequest, reply: FastifyReply): Address | null {
  const { slug } = request.params as { slug: string };
  if (SLUG.test(slug)) return { slug, base: `/status/${slug}` };
  void reply.callNotFound();
  return null;
}

/**
 * Public pages at `/status/<slug>`, and at `/` of a page's custom domain: a router constraint
 * picks those routes when the Host header names a known domain, so other hosts keep `/`.
 */
export async function publicStatusRoutes(app: FastifyInstance, site: PublicSite): Promise<void> {
  if (!app.hasConstraintStrategy(CUSTOM_DOMAIN)) {
    app.addConstraintStrategy({
      name: CUSTOM_DOMAIN,
      mustMatchWhenDerived: false,
      storage() {
        const handlers = new Map<string, unknown>();
        return { get: (value: string) => (handlers.get(value) ?? null) as never, set: (value: string, handler: unknown) => void handlers.set(value, handler) };
      },
      deriveConstraint: (req: { headers: Record<string, string | string[] | undefined> }) => (site.slugForHost(req.headers.host as string | undefined) ? 'yes' : undefined),
    });
  }

  // The domain list may have been reloaded since routing picked these routes.
  const byHost = (request: FastifyRequest, reply: FastifyReply): Address | null => {
    const slug = site.slugForHost(request.headers.host);
    if (slug) return { slug, base: '' };
    void reply.callNotFound();
    return null;
  };

  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    for (const [path, representation] of PATHS) {
      scope.get(`/status/:slug${path}`, HIDDEN, async (request, reply) => {
        const address = bySlug(request, reply);
        return address ? site.respond(request, reply, address, representation) : reply;
      });
      scope.get(path || '/', ON_DOMAIN, async (request, reply) => {
        const address = byHost(request, reply);
        return address ? site.respond(request, reply, address, representation) : reply;
      });
    }
    scope.post('/status/:slug', HIDDEN, async (request, reply) => {
      const address = bySlug(request, reply);
      return address ? site.unlock(request, reply, address) : reply;
    });
    scope.post('/', ON_DOMAIN, async (request, reply) => {
      const address = byHost(request, reply);
      return address ? site.unlock(request, reply, address) : reply;
    });
  });
}
