import type { FastifyRequest } from 'fastify';

/** Where DSNs point: CUSTOS_PUBLIC_URL, else the scheme and host the request came to. */
export function baseUrlOf(req: FastifyRequest, publicUrl: string | undefined): string {
  return (publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');
}
