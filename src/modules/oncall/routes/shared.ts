import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';

export const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });
export const page = <T>(data: T[]) => ({ data, nextCursor: null });
export const Id = z.string().min(1).max(64);

/** The logged-in user a /users/me route acts on; an API token has none. */
export function me(req: FastifyRequest): string {
  if (!req.auth?.userId) throw new AppError('USER_REQUIRED', 'This route acts on the logged-in user; an API token has none. Use /api/v1/members/:userId/... instead');
  return req.auth.userId;
}
