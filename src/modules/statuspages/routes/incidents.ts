import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createMaintenance } from '../create-maintenance.ts';
import { createPageIncident } from '../create-page-incident.ts';
import { deleteMaintenance } from '../delete-maintenance.ts';
import { deletePageIncident } from '../delete-page-incident.ts';
import { getPageIncident } from '../get-page-incident.ts';
import { listIncidentUpdates } from '../list-incident-updates.ts';
import { listMaintenance } from '../list-maintenance.ts';
import { listPageIncidents } from '../list-page-incidents.ts';
import { postIncidentUpdate } from '../post-incident-update.ts';
import {
  CreateMaintenanceInput,
  CreatePageIncidentInput,
  IncidentUpdate,
  ListPageIncidentsInput,
  Maintenance,
  PageIncident,
  PostIncidentUpdateInput,
  UpdateMaintenanceInput,
  UpdatePageIncidentInput,
} from '../schemas.ts';
import { updateMaintenance } from '../update-maintenance.ts';
import { updatePageIncident } from '../update-page-incident.ts';
import type { OnPagesChange } from './pages.ts';

const Id = z.string().min(1).max(64);
const PageParams = z.object({ id: Id });
const IncidentParams = z.object({ id: Id, incidentId: Id });
const MaintenanceParams = z.object({ id: Id, maintenanceId: Id });
const tags = ['status pages'];

export function statusPageIncidentRoutes(app: FastifyInstance, onChange: OnPagesChange): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/status-pages/:id/incidents',
    { config: { policy: 'read' }, schema: { tags, params: PageParams, querystring: ListPageIncidentsInput, response: { 200: z.object({ data: z.array(PageIncident), nextCursor: z.string().nullable() }) } } },
    async (req) => listPageIncidents({ ctx: req.ctx, pageId: req.params.id, input: req.query }),
  );

  api.post('/status-pages/:id/incidents', { config: { policy: 'write' }, schema: { tags, params: PageParams, body: CreatePageIncidentInput, response: { 201: PageIncident } } }, async (req, reply) => {
    const incident = await createPageIncident({ ctx: req.ctx, pageId: req.params.id, input: req.body });
    await onChange(req.ctx.orgId);
    return reply.status(201).send(incident);
  });

  api.get('/status-pages/:id/incidents/:incidentId', { config: { policy: 'read' }, schema: { tags, params: IncidentParams, response: { 200: PageIncident } } }, async (req) =>
    getPageIncident({ ctx: req.ctx, pageId: req.params.id, id: req.params.incidentId }),
  );

  api.patch(
    '/status-pages/:id/incidents/:incidentId',
    { config: { policy: 'write' }, schema: { tags, params: IncidentParams, body: UpdatePageIncidentInput, response: { 200: PageIncident } } },
    async (req) => {
      const incident = await updatePageIncident({ ctx: req.ctx, pageId: req.params.id, id: req.params.incidentId, input: req.body });
      await onChange(req.ctx.orgId);
      return incident;
    },
  );

  api.delete('/status-pages/:id/incidents/:incidentId', { config: { policy: 'write' }, schema: { tags, params: IncidentParams } }, async (req, reply) => {
    await deletePageIncident({ ctx: req.ctx, pageId: req.params.id, id: req.params.incidentId });
    await onChange(req.ctx.orgId);
    return reply.status(204).send();
  });

  api.get(
    '/status-pages/:id/incidents/:incidentId/updates',
    { config: { policy: 'read' }, schema: { tags, params: IncidentParams, response: { 200: z.object({ data: z.array(IncidentUpdate), nextCursor: z.null() }) } } },
    async (req) => listIncidentUpdates({ ctx: req.ctx, pageId: req.params.id, incidentId: req.params.incidentId }),
  );

  api.post(
    '/status-pages/:id/incidents/:incidentId/updates',
    { config: { policy: 'write' }, schema: { tags, params: IncidentParams, body: PostIncidentUpdateInput, response: { 201: IncidentUpdate } } },
    async (req, reply) => {
      const update = await postIncidentUpdate({ ctx: req.ctx, pageId: req.params.id, incidentId: req.params.incidentId, input: req.body });
      await onChange(req.ctx.orgId);
      return reply.status(201).send(update);
    },
  );

  api.get(
    '/status-pages/:id/maintenance',
    { config: { policy: 'read' }, schema: { tags, params: PageParams, response: { 200: z.object({ data: z.array(Maintenance), nextCursor: z.null() }) } } },
    async (req) => listMaintenance({ ctx: req.ctx, pageId: req.params.id }),
  );

  api.post('/status-pages/:id/maintenance', { config: { policy: 'write' }, schema: { tags, params: PageParams, body: CreateMaintenanceInput, response: { 201: Maintenance } } }, async (req, reply) => {
    const notice = await createMaintenance({ ctx: req.ctx, pageId: req.params.id, input: req.body });
    await onChange(req.ctx.orgId);
    return reply.status(201).send(notice);
  });

  api.patch(
    '/status-pages/:id/maintenance/:maintenanceId',
    { config: { policy: 'write' }, schema: { tags, params: MaintenanceParams, body: UpdateMaintenanceInput, response: { 200: Maintenance } } },
    async (req) => {
      const notice = await updateMaintenance({ ctx: req.ctx, pageId: req.params.id, id: req.params.maintenanceId, input: req.body });
      await onChange(req.ctx.orgId);
      return notice;
    },
  );

  api.delete('/status-pages/:id/maintenance/:maintenanceId', { config: { policy: 'write' }, schema: { tags, params: MaintenanceParams } }, async (req, reply) => {
    await deleteMaintenance({ ctx: req.ctx, pageId: req.params.id, id: req.params.maintenanceId });
    await onChange(req.ctx.orgId);
    return reply.status(204).send();
  });
}
