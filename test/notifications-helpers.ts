import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createChannel, createDefaultChannelRegistry, NOTIFICATION_SEND, type CreateChannelInput, type NotificationMessage } from '../src/modules/notifications/index.ts';
import type { Ctx } from '../src/platform/context.ts';
import { enqueueJob } from '../src/platform/jobs/index.ts';
import type { Runtime } from '../src/platform/runtime.ts';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** What a loopback receiver answers: a status (with headers and body), a reset connection, or a late answer. */
export type Reply = { status: number; headers?: Record<string, string>; body?: string; delayMs?: number } | 'reset';

/** A real HTTP server on loopback standing in for a vendor API or a webhook receiver. */
export class Receiver {
  readonly requests: ReceivedRequest[] = [];
  handler: (req: ReceivedRequest) => Reply = () => ({ status: 200, body: 'ok' });
  #server!: http.Server;
  url = '';

  static async start(handler?: (req: ReceivedRequest) => Reply): Promise<Receiver> {
    const r = new Receiver();
    if (handler) r.handler = handler;
    r.#server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const received = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        r.requests.push(received);
        const reply = r.handler(received);
        if (reply === 'reset') {
          req.socket.resetAndDestroy();
          return;
        }
        const send = () => {
          if (res.destroyed) return;
          res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(reply.body ?? '');
        };
        if (reply.delayMs) setTimeout(send, reply.delayMs);
        else send();
      });
    });
    r.#server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => r.#server.listen(0, '127.0.0.1', () => resolve()));
    r.url = `http://127.0.0.1:${(r.#server.address() as AddressInfo).port}`;
    return r;
  }

  json<T = any>(i: number): T {
    return JSON.parse(this.requests[i].body) as T;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

export const channelDeps = (runtime: Runtime) => ({ registry: createDefaultChannelRegistry(), secrets: () => runtime.secrets() });

export async function makeChannel(runtime: Runtime, ctx: Ctx, input: Omit<CreateChannelInput, 'labels' | 'enabled'> & Partial<CreateChannelInput>) {
  return createChannel({ ctx, deps: channelDeps(runtime), input: { labels: {}, enabled: true, ...input } as CreateChannelInput });
}

let seq = 0;

export function sampleMessage(overrides: Partial<NotificationMessage> = {}, orgId = 'org'): NotificationMessage {
  seq++;
  return {
    kind: 'alert.firing',
    org: { id: orgId, name: 'Acme Ops' },
    title: '[FIRING:1] HTTP check failed — api (prod)',
    groupKey: `{}:{alertname="HttpDown",service="api"}#${seq}`,
    alerts: [
      {
        id: `alert-${seq}`,
        dedupKey: `monitor:api:${seq}`,
        status: 'firing',
        severity: 'critical',
        summary: 'api.example.com answered 503 three times',
        description: 'The health endpoint failed from 3 of 3 locations.',
        labels: { alertname: 'HttpDown', service: 'api', env: 'prod', severity: 'critical' },
        annotations: { summary: 'api down' },
        startsAt: '2026-03-01T00:00:00.000Z',
        runbookUrl: 'https://runbooks.example.com/api-down',
      },
    ],
    links: { alerts: 'https://custos.example.com/alerts?group=1', incident: 'https://custos.example.com/incidents/1', runbook: 'https://runbooks.example.com/api-down', acknowledge: 'https://custos.example.com/ack/1' },
    responseSla: 'Respond within 15 minutes (P0)',
    ...overrides,
  };
}

/** Enqueues a delivery exactly as the alerts module does (the contract's idempotency key). */
export async function enqueueNotification(runtime: Runtime, input: { orgId: string; channelId: string; dispatchId: string; message: NotificationMessage; dueAt?: number }) {
  const now = runtime.clock.now();
  return enqueueJob(runtime.db, now, {
    kind: NOTIFICATION_SEND,
    orgId: input.orgId,
    payload: { orgId: input.orgId, channelId: input.channelId, dispatchId: input.dispatchId, message: input.message },
    idempotencyKey: `notify:${input.dispatchId}:${input.channelId}`,
    dueAt: input.dueAt ?? now,
  });
}

/** Runs due jobs until none is left due right now. */
export async function drain(runtime: Runtime, rounds = 50): Promise<void> {
  for (let i = 0; i < rounds; i++) if ((await runtime.runner.runOnce()).claimed === 0) return;
}
