import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createMonitor } from './create-monitor.ts';
import { deleteMonitor } from './delete-monitor.ts';
import { getMonitor } from './get-monitor.ts';
import { listMonitors } from './list-monitors.ts';
import type { MonitorPresenters } from './presenters.ts';
import type { ProbeRegistry } from './probes/index.ts';
import { CreateMonitorInput, ListMonitorsInput, Monitor, TestMonitorInput, UpdateMonitorInput } from './schemas.ts';
import { setMonitorPaused } from './set-paused.ts';
import { testMonitor } from './test-monitor.ts';
import { updateMonitor } from './update-monitor.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const tags = ['monitors'];

const baseUrlOf = (req: FastifyRequest): string => (req.ctx.config.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');

export function monitorRoutes(app: FastifyInstance, probes: ProbeRegistry, presenters: MonitorPresenters, onChange: () => void): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/monitors',
    { config: { policy: 'read' }, schema: { tags, querystring: ListMonitorsInput, response: { 200: z.object({ data: z.array(Monitor), nextCursor: z.string().nullable() }) } } },
    async (req) => {
      const page = await listMonitors({ ctx: req.ctx, input: req.query });
      return { ...page, data: await presenters.apply(req.ctx, page.data, baseUrlOf(req)) };
    },
  );

  api.post('/monitors', { config: { policy: 'write' }, schema: { tags, body: CreateMonitorInput, response: { 201: Monitor } } }, async (req, reply) => {
    const monitor = await createMonitor({ ctx: req.ctx, input: req.body, probes });
    onChange();
    return reply.status(201).send(await presenters.applyOne(req.ctx, monitor, baseUrlOf(req)));
  });

  api.post('/monitors/test', { config: { policy: 'respond' }, schema: { tags, body: TestMonitorInput } }, async (req) => testMonitor({ ctx: req.ctx, input: req.body, probes }));

  api.get('/monitors/:id', { config: { policy: 'read' }, schema: { tags, params: IdParams, response: { 200: Monitor } } }, async (req) => presenters.applyOne(req.ctx, await getMonitor({ ctx: req.ctx, id: req.params.id }), baseUrlOf(req)));

  api.patch('/monitors/:id', { config: { policy: 'write' }, schema: { tags, params: IdParams, body: UpdateMonitorInput, response: { 200: Monitor } } }, async (req) => {
    const monitor = await updateMonitor({ ctx: req.ctx, id: req.params.id, input: req.body, probes });
    onChange();
    return presenters.applyOne(req.ctx, monitor, baseUrlOf(req));
  });

  api.delete('/monitors/:id', { config: { policy: 'write' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await deleteMonitor({ ctx: req.ctx, id: req.params.id });
    onChange();
    return reply.status(204).send();
  });

  for (const [verb, paused] of [['pause', true], ['resume', false]] as const) {
    api.post(`/monitors/:id/${verb}`, { config: { policy: 'write' }, schema: { tags, params: IdParams, response: { 200: Monitor } } }, async (req) => {
      const monitor = await setMonitorPaused({ ctx: req.ctx, id: req.params.id, paused });
      onChange();
      return presenters.applyOne(req.ctx, monitor, baseUrlOf(req));
    });
  }
}
