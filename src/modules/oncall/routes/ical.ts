import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { renderFeed } from '../render-feed.ts';

/** `GET /ical/schedules/<token>.ics` and `/ical/users/<token>.ics`: the token is the only credential. */
export function icalRoutes(app: FastifyInstance, services: Services): void {
  const serve = async (kind: 'schedule' | 'user', file: string, reply: FastifyReply) => {
    const notFound = () => reply.status(404).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send('not found');
    if (!file.endsWith('.ics')) return notFound();
    try {
      const feed = await renderFeed({ services, kind, token: file.slice(0, -'.ics'.length) });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', `inline; filename="${kind === 'schedule' ? 'schedule' : 'my-shifts'}.ics"`)
        .header('x-robots-tag', 'noindex')
        .send(feed.body);
    } catch (err) {
      if (err instanceof AppError && err.code === 'FEED_TOKEN_NOT_FOUND') return notFound();
      throw err;
    }
  };
  app.get<{ Params: { file: string } }>('/ical/schedules/:file', async (req, reply) => serve('schedule', req.params.file, reply));
  app.get<{ Params: { file: string } }>('/ical/users/:file', async (req, reply) => serve('user', req.params.file, reply));
}
