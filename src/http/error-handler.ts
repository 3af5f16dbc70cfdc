import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../platform/errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; requestId: string; details?: Record<string, unknown> };
}

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_ERR_RATE_LIMIT: 'RATE_LIMITED',
};

/** Maps any thrown value to a stable code, a status and a client-safe message. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const location = (err as { validationContext?: string }).validationContext ?? 'body';
    const issues = err.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: v.message ?? 'invalid',
    }));
    const named = issues.map((i) => `${i.path || location}: ${i.message}`).join('; ');
    return new AppError('VALIDATION_FAILED', `Invalid ${location}: ${named}`, { details: { location, issues } });
  }
  const fe = err as FastifyError & { statusCode?: number };
  if (fe && typeof fe === 'object' && typeof fe.code === 'string' && FASTIFY_CODES[fe.code]) {
    return new AppError(FASTIFY_CODES[fe.code], fe.message, { cause: err });
  }
  if (fe instanceof SyntaxError && fe.statusCode === 400) return new AppError('INVALID_JSON', 'The request body is not valid JSON', { cause: err });
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(fe.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : fe.statusCode === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST', fe.message, { cause: err });
  }
  return new AppError('INTERNAL', 'Internal server error', { cause: err });
}

export function sendError(reply: FastifyReply, request: FastifyRequest, err: unknown): FastifyReply {
  const appError = toAppError(err);
  if (appError.code === 'INTERNAL' || isResponseSerializationError(err)) {
    request.log.error({ err }, 'request failed');
  }
  const body: ErrorBody = { error: { code: appError.code, message: appError.message, requestId: request.id } };
  if (appError.details) body.error.details = appError.details;
  const retryAfter = appError.details?.retryAfterSeconds;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  if (appError.code === 'INTERNAL') body.error.message = 'Internal server error';
  return reply.status(appError.status).type('application/json; charset=utf-8').send(body);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => sendError(reply, request, err));
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, request, new AppError('ROUTE_NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}`)),
  );
}
