import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import type { IngestService } from './ingest-service.ts';

const ALLOWED_HEADERS = 'x-sentry-auth, x-requested-with, origin, accept, content-type, content-encoding, authorization, sentry-trace, baggage';
const EXPOSED_HEADERS = 'x-sentry-error, x-sentry-rate-limits, retry-after';

interface Params {
  projectId: string;
}

/** Browser SDKs post from any origin; the DSN key, not the origin, authenticates. */
function cors(req: FastifyRequest, reply: FastifyReply): void {
  const origin = req.headers.origin;
  reply.header('access-control-allow-origin', typeof origin === 'string' && origin !== 'null' ? origin : '*');
  reply.header('vary', 'Origin');
  reply.header('access-control-expose-headers', EXPOSED_HEADERS);
}

const query = (req: FastifyRequest) => req.query as Record<string, string | undefined>;

/**
 * The Sentry ingest endpoints (`/api/<project>/envelope/`, `/api/<project>/store/`), with their
 * own raw-body parsing: any content type, read as bytes up to the compressed limit.
 */
export async function ingestRoutes(app: FastifyInstance, service: IngestService): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: service.limits.maxCompressedBytes }, (_req, body, done) => done(null, body));
    scope.addHook('onRequest', async (req, reply) => cors(req, reply));
    scope.addHook('onSend', async (_req, reply, payload) => {
      const limits = (reply.request as FastifyRequest & { rateLimits?: string }).rateLimits;
      if (limits) reply.header('x-sentry-rate-limits', limits);
      return payload;
    });
    scope.setErrorHandler(async (err: Error & { code?: string }, req) => {
      if (err instanceof AppError && typeof err.details?.rateLimits === 'string') (req as FastifyRequest & { rateLimits?: string }).rateLimits = err.details.rateLimits;
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        const projectNumber = (req.params as Params | undefined)?.projectId ?? '';
        await service.rejectUnread({ projectNumber, authHeader: req.headers['x-sentry-auth'], queryKey: query(req).sentry_key }, 'envelope_too_large');
        throw new AppError('ENVELOPE_TOO_LARGE', `The body is larger than ${service.limits.maxCompressedBytes} bytes`, { details: { limitBytes: service.limits.maxCompressedBytes } });
      }
      throw err;
    });

    for (const kind of ['envelope', 'store'] as const) {
      const url = `/api/:projectId/${kind}/`;
      scope.route<{ Params: Params }>({
        method: 'OPTIONS',
        url,
        config: { policy: 'public' },
        helmet: false,
        handler: async (_req, reply) =>
          reply.status(200).header('access-control-allow-methods', 'POST, OPTIONS').header('access-control-allow-headers', ALLOWED_HEADERS).header('access-control-max-age', '3600').send(),
      });
      scope.route<{ Params: Params }>({
        method: 'POST',
        url,
        config: { policy: 'public' },
        helmet: false,
        handler: async (req, reply) => {
          const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          const result = await service.ingest({
            kind,
            projectNumber: req.params.projectId,
            body,
            contentEncoding: req.headers['content-encoding'],
            authHeader: req.headers['x-sentry-auth'] ?? (/^sentry\s/i.test(req.headers.authorization ?? '') ? req.headers.authorization : undefined),
            queryKey: query(req).sentry_key,
          });
          return reply.status(200).type('application/json').send(result.id === null ? {} : { id: result.id });
        },
      });
    }
  });
}
