import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { Runtime } from '../../platform/runtime.ts';
import { LiveHub, sseFrame, type LiveStream } from './hub.ts';

export interface LiveOptions {
  /** Bus topics forwarded to the organization in their payload's `orgId`. */
  topics: string[];
  heartbeatMs: number;
  maxStreamsPerOrg: number;
  /** Streams end after this long; the browser reconnects and so re-authenticates. */
  maxStreamMs: number;
  /** How long events wait to be merged with later ones for the same monitor. */
  coalesceMs: number;
}

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
};

const acceptsEventStream = (accept: string | undefined) => !!accept && /text\/event-stream|\*\/\*/.test(accept);

function openStream(request: FastifyRequest, reply: FastifyReply, hub: LiveHub, options: LiveOptions): void {
  const res = reply.raw;
  const timers: NodeJS.Timeout[] = [];
  const registration = { remove: (): void => undefined };
  const stream: LiveStream = {
    send: (frame) => void (res.writableEnded || res.write(frame)),
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      registration.remove();
      if (!res.writableEnded) res.end();
    },
  };
  registration.remove = hub.add(request.ctx.orgId, stream);
  reply.hijack();
  res.writeHead(200, { ...(reply.getHeaders() as Record<string, string>), ...SSE_HEADERS });
  res.write(`retry: 5000\n${sseFrame('ready', { orgId: request.ctx.orgId, heartbeatMs: options.heartbeatMs })}`);
  timers.push(setInterval(() => stream.send(': heartbeat\n\n'), options.heartbeatMs).unref());
  timers.push(setTimeout(() => stream.close(), options.maxStreamMs).unref());
  request.raw.socket.setTimeout(0);
  res.on('close', () => stream.close());
}

export function liveRoutes(app: FastifyInstance, runtime: Runtime, options: LiveOptions): void {
  const hub = new LiveHub({ maxStreamsPerOrg: options.maxStreamsPerOrg, coalesceMs: options.coalesceMs });
  let sequence = 0;
  const unsubscribes = options.topics.map((topic) =>
    runtime.bus.subscribe<{ orgId?: unknown; monitorId?: unknown } | null>(topic, (payload) => {
      if (!payload || typeof payload.orgId !== 'string') return;
      const { orgId, ...rest } = payload;
      const key = typeof payload.monitorId === 'string' ? `${topic}:${payload.monitorId}` : `${topic}#${++sequence}`;
      hub.publish(orgId, key, sseFrame(topic, rest));
    }),
  );
  app.addHook('preClose', async () => hub.closeAll());
  app.addHook('onClose', async () => unsubscribes.forEach((u) => u()));

  app.get(
    '/events',
    {
      config: { policy: 'read' },
      schema: {
        tags: ['live'],
        summary: 'Live updates as Server-Sent Events',
        description:
          `A text/event-stream of the organization's events (${options.topics.join(', ')}), each with a JSON payload; ` +
          `a "ready" event first and a comment line every ${options.heartbeatMs / 1000} s. Send Accept: text/event-stream. ` +
          'Streams close after a while; EventSource reconnects on its own.',
      },
    },
    async (request, reply) => {
      if (!acceptsEventStream(request.headers.accept)) throw new AppError('BAD_REQUEST', 'This is an event stream: send Accept: text/event-stream');
      openStream(request, reply, hub, options);
    },
  );
}
