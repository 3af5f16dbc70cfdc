import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createComponent } from '../create-component.ts';
import { createStatusPage } from '../create-status-page.ts';
import { deleteComponent } from '../delete-component.ts';
import { deleteStatusPage } from '../delete-status-page.ts';
import type { MonitorFacts } from '../facts.ts';
import { getStatusPage } from '../get-status-page.ts';
import { listComponents } from '../list-components.ts';
import { listStatusPages } from '../list-status-pages.ts';
import { Component, CreateComponentInput, CreateStatusPageInput, StatusPage, UpdateComponentInput, UpdateStatusPageInput } from '../schemas.ts';
import { updateComponent } from '../update-component.ts';
import { updateStatusPage } from '../update-status-page.ts';

const Id = z.string().min(1).max(64);
const PageParams = z.object({ id: Id });
const ComponentParams = z.object({ id: Id, componentId: Id });
const tags = ['status pages'];

/** Tells the public side that an organization's pages changed (cache, custom domains). */
export type OnPagesChange = (orgId: string) => Promise<void>;

export function statusPageRoutes(app: FastifyInstance, facts: MonitorFacts, onChange: OnPagesChange): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/status-pages', { config: { policy: 'read' }, schema: { tags, response: { 200: z.object({ data: z.array(StatusPage), nextCursor: z.null() }) } } }, async (req) =>
    listStatusPages({ ctx: req.ctx }),
  );

  api.post('/status-pages', { config: { policy: 'write' }, schema: { tags, body: CreateStatusPageInput, response: { 201: StatusPage } } }, async (req, reply) => {
    const page = await createStatusPage({ ctx: req.ctx, input: req.body });
    await onChange(req.ctx.orgId);
    return reply.status(201).send(page);
  });

  api.get('/status-pages/:id', { config: { policy: 'read' }, schema: { tags, params: PageParams, response: { 200: StatusPage } } }, async (req) =>
    getStatusPage({ ctx: req.ctx, id: req.params.id }),
  );

  api.patch('/status-pages/:id', { config: { policy: 'write' }, schema: { tags, params: PageParams, body: UpdateStatusPageInput, response: { 200: StatusPage } } }, async (req) => {
    const page = await updateStatusPage({ ctx: req.ctx, id: req.params.id, input: req.body });
    await onChange(req.ctx.orgId);
    return page;
  });

  api.delete('/status-pages/:id', { config: { policy: 'write' }, schema: { tags, params: PageParams } }, async (req, reply) => {
    await deleteStatusPage({ ctx: req.ctx, id: req.params.id });
    await onChange(req.ctx.orgId);
    return reply.status(204).send();
  });

  api.get(
    '/status-pages/:id/components',
    { config: { policy: 'read' }, schema: { tags, params: PageParams, response: { 200: z.object({ data: z.array(Component), nextCursor: z.null() }) } } },
    async (req) => listComponents({ ctx: req.ctx, pageId: req.params.id }),
  );

  api.post('/status-pages/:id/components', { config: { policy: 'write' }, schema: { tags, params: PageParams, body: CreateComponentInput, response: { 201: Component } } }, async (req, reply) => {
    const component = await createComponent({ ctx: req.ctx, pageId: req.params.id, input: req.body, facts });
    await onChange(req.ctx.orgId);
    return reply.status(201).send(component);
  });

  api.patch(
    '/status-pages/:id/components/:componentId',
    { config: { policy: 'write' }, schema: { tags, params: ComponentParams, body: UpdateComponentInput, response: { 200: Component } } },
    async (req) => {
      const component = await updateComponent({ ctx: req.ctx, pageId: req.params.id, id: req.params.componentId, input: req.body, facts });
      await onChange(req.ctx.orgId);
      return component;
    },
  );

  api.delete('/status-pages/:id/components/:componentId', { config: { policy: 'write' }, schema: { tags, params: ComponentParams } }, async (req, reply) => {
    await deleteComponent({ ctx: req.ctx, pageId: req.params.id, id: req.params.componentId });
    await onChange(req.ctx.orgId);
    return reply.status(204).send();
  });
}
