import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ValidationError } from '../../platform/errors.ts';
import { acknowledgeAlert } from './acknowledge-alert.ts';
import { createSilence } from './create-silence.ts';
import { expireSilence } from './expire-silence.ts';
import { getAlert } from './get-alert.ts';
import { getRoutes } from './get-routes.ts';
import { getSilence } from './get-silence.ts';
import { listAlerts } from './list-alerts.ts';
import { listSilences } from './list-silences.ts';
import { resolveAlert } from './resolve-alert.ts';
import { RoutingDocument } from './routing-document.ts';
import {
  Alert,
  AlertDetail,
  CreateSilenceInput,
  ListAlertsInput,
  ListSilencesInput,
  ResolveAlertBody,
  RouteTestInput,
  RouteTestResult,
  RoutingState,
  Silence,
} from './schemas.ts';
import { testRoutes } from './test-routes.ts';
import { updateRoutes } from './update-routes.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

function ifMatchVersion(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(String(header).trim());
  if (!m) throw new ValidationError([{ path: 'if-match', message: 'give the version from GET /routes, e.g. "3"' }]);
  return Number(m[1]);
}

export function alertRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['alerts'];

  api.get('/alerts', { config: { policy: 'read' }, schema: { tags, querystring: ListAlertsInput, response: { 200: page(Alert) } } }, async (req) =>
    listAlerts({ ctx: req.ctx, input: req.query }),
  );
  api.get('/alerts/:id', { config: { policy: 'read' }, schema: { tags, params: IdParams, response: { 200: AlertDetail } } }, async (req) =>
    getAlert({ ctx: req.ctx, id: req.params.id }),
  );
  api.post('/alerts/:id/ack', { config: { policy: 'respond' }, schema: { tags, params: IdParams, response: { 200: Alert } } }, async (req) =>
    acknowledgeAlert({ ctx: req.ctx, id: req.params.id }),
  );
  api.post(
    '/alerts/:id/resolve',
    { config: { policy: 'respond' }, schema: { tags, params: IdParams, body: ResolveAlertBody.optional(), response: { 200: Alert } } },
    async (req) => {
      const comment = req.body?.comment;
      const r = await resolveAlert({ ctx: req.ctx, input: { id: req.params.id, ...(comment ? { annotations: { resolution: comment } } : {}) } });
      return r.alert;
    },
  );

  const routeTags = ['routes'];
  api.get('/routes', { config: { policy: 'read' }, schema: { tags: routeTags, response: { 200: RoutingState } } }, async (req, reply) => {
    const state = await getRoutes({ ctx: req.ctx });
    return reply.header('etag', `"${state.version}"`).send(state);
  });
  api.put('/routes', { config: { policy: 'admin' }, schema: { tags: routeTags, body: RoutingDocument, response: { 200: RoutingState } } }, async (req, reply) => {
    const state = await updateRoutes({ ctx: req.ctx, input: req.body, expectedVersion: ifMatchVersion(req.headers['if-match']) });
    return reply.header('etag', `"${state.version}"`).send(state);
  });
  api.post('/routes/test', { config: { policy: 'read' }, schema: { tags: routeTags, body: RouteTestInput, response: { 200: RouteTestResult } } }, async (req) =>
    testRoutes({ ctx: req.ctx, input: req.body }),
  );

  const silenceTags = ['silences'];
  api.get('/silences', { config: { policy: 'read' }, schema: { tags: silenceTags, querystring: ListSilencesInput, response: { 200: page(Silence) } } }, async (req) =>
    listSilences({ ctx: req.ctx, input: req.query }),
  );
  api.post('/silences', { config: { policy: 'respond' }, schema: { tags: silenceTags, body: CreateSilenceInput, response: { 201: Silence } } }, async (req, reply) =>
    reply.status(201).send(await createSilence({ ctx: req.ctx, input: req.body })),
  );
  api.get('/silences/:id', { config: { policy: 'read' }, schema: { tags: silenceTags, params: IdParams, response: { 200: Silence } } }, async (req) =>
    getSilence({ ctx: req.ctx, id: req.params.id }),
  );
  api.post('/silences/:id/expire', { config: { policy: 'respond' }, schema: { tags: silenceTags, params: IdParams, response: { 200: Silence } } }, async (req) =>
    expireSilence({ ctx: req.ctx, id: req.params.id }),
  );
}
