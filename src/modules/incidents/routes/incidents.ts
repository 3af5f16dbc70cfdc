import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { acknowledgeIncident } from '../acknowledge-incident.ts';
import { createIncident } from '../create-incident.ts';
import type { IncidentDeps } from '../deps.ts';
import { getIncident } from '../get-incident.ts';
import { incidentStats } from '../incident-stats.ts';
import { listIncidents } from '../list-incidents.ts';
import { resolveIncident } from '../resolve-incident.ts';
import { CommentBody, CreateIncidentInput, Incident, IncidentDetail, IncidentStats, ListIncidentsInput, StatsInput } from '../schemas.ts';
import { IdParams, page, tags } from './shared.ts';

export function incidentRoutes(app: FastifyInstance, deps: IncidentDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/incidents', { config: { policy: 'read' }, schema: { tags, querystring: ListIncidentsInput, response: { 200: page(Incident) } } }, async (req) =>
    listIncidents({ ctx: req.ctx, input: req.query }),
  );
  api.post('/incidents', { config: { policy: 'respond' }, schema: { tags, body: CreateIncidentInput, response: { 201: Incident } } }, async (req, reply) =>
    reply.status(201).send(await createIncident({ ctx: req.ctx, input: req.body, deps })),
  );
  api.get('/incidents/stats', { config: { policy: 'read' }, schema: { tags, querystring: StatsInput, response: { 200: IncidentStats } } }, async (req) =>
    incidentStats({ ctx: req.ctx, input: req.query }),
  );
  api.get('/incidents/:id', { config: { policy: 'read' }, schema: { tags, params: IdParams, response: { 200: IncidentDetail } } }, async (req) =>
    getIncident({ ctx: req.ctx, id: req.params.id }),
  );
  api.post('/incidents/:id/ack', { config: { policy: 'respond' }, schema: { tags, params: IdParams, body: CommentBody.nullish(), response: { 200: Incident } } }, async (req) =>
    acknowledgeIncident({ ctx: req.ctx, id: req.params.id, note: req.body?.comment }),
  );
  api.post('/incidents/:id/resolve', { config: { policy: 'respond' }, schema: { tags, params: IdParams, body: CommentBody.nullish(), response: { 200: Incident } } }, async (req) => {
    const incident = await resolveIncident({ ctx: req.ctx, id: req.params.id, note: req.body?.comment });
    deps.pagesChanged?.(req.ctx.orgId);
    return incident;
  });
}
