import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createMaintenanceWindow } from './create-maintenance.ts';
import { deleteMaintenanceWindow } from './delete-maintenance.ts';
import { getMaintenanceWindow } from './get-maintenance.ts';
import { listMaintenanceWindows } from './list-maintenance.ts';
import { CreateMaintenanceInput, ListMaintenanceInput, MaintenanceWindow, UpdateMaintenanceInput } from './schemas.ts';
import { updateMaintenanceWindow } from './update-maintenance.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const tags = ['maintenance'];

/** `/api/v1/maintenance`: windows that put chosen monitors into `maintenance` (alerts suppressed, excluded from uptime). */
export function maintenanceRoutes(app: FastifyInstance, onChange: () => void): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/maintenance',
    { config: { policy: 'read' }, schema: { tags, querystring: ListMaintenanceInput, response: { 200: z.object({ data: z.array(MaintenanceWindow), nextCursor: z.string().nullable() }) } } },
    async (req) => listMaintenanceWindows({ ctx: req.ctx, input: req.query }),
  );

  api.post('/maintenance', { config: { policy: 'write' }, schema: { tags, body: CreateMaintenanceInput, response: { 201: MaintenanceWindow } } }, async (req, reply) => {
    const window = await createMaintenanceWindow({ ctx: req.ctx, input: req.body });
    onChange();
    return reply.status(201).send(window);
  });

  api.get('/maintenance/:id', { config: { policy: 'read' }, schema: { tags, params: IdParams, response: { 200: MaintenanceWindow } } }, async (req) =>
    getMaintenanceWindow({ ctx: req.ctx, id: req.params.id }),
  );

  api.patch('/maintenance/:id', { config: { policy: 'write' }, schema: { tags, params: IdParams, body: UpdateMaintenanceInput, response: { 200: MaintenanceWindow } } }, async (req) => {
    const window = await updateMaintenanceWindow({ ctx: req.ctx, id: req.params.id, input: req.body });
    onChange();
    return window;
  });

  api.delete('/maintenance/:id', { config: { policy: 'write' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await deleteMaintenanceWindow({ ctx: req.ctx, id: req.params.id });
    onChange();
    return reply.status(204).send();
  });
}
