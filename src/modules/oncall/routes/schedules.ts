import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addLayer } from '../add-layer.ts';
import { createFeedToken } from '../create-feed-token.ts';
import { createOverride } from '../create-override.ts';
import { createSchedule } from '../create-schedule.ts';
import { deleteLayer } from '../delete-layer.ts';
import { deleteOverride } from '../delete-override.ts';
import { deleteSchedule } from '../delete-schedule.ts';
import { getSchedule } from '../get-schedule.ts';
import { listFeedTokens } from '../list-feed-tokens.ts';
import { listOverrides } from '../list-overrides.ts';
import { listSchedules } from '../list-schedules.ts';
import { listShifts } from '../list-shifts.ts';
import { revokeFeedToken } from '../revoke-feed-token.ts';
import {
  CreatedFeedToken,
  CreateOverrideInput,
  CreateScheduleInput,
  FeedToken,
  Iso,
  Layer,
  LayerInput,
  ListOverridesInput,
  ListShiftsInput,
  OnCall,
  Override,
  Schedule,
  Shift,
  UpdateLayerInput,
  UpdateScheduleInput,
} from '../schedule-schemas.ts';
import { updateLayer } from '../update-layer.ts';
import { updateSchedule } from '../update-schedule.ts';
import { whoIsOnCall } from '../who-is-on-call.ts';
import { Id, list, page } from './shared.ts';

const tags = ['on-call'];
const IdParams = z.object({ id: Id });

export function scheduleRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/schedules', { config: { policy: 'read' }, schema: { tags, response: { 200: list(Schedule) } } }, async (req) => page(await listSchedules({ ctx: req.ctx })));
  api.post('/schedules', { config: { policy: 'write' }, schema: { tags, body: CreateScheduleInput, response: { 201: Schedule } } }, async (req, reply) =>
    reply.status(201).send(await createSchedule({ ctx: req.ctx, input: req.body })),
  );
  api.get('/schedules/:id', { config: { policy: 'read' }, schema: { tags, params: IdParams, response: { 200: Schedule } } }, async (req) => getSchedule({ ctx: req.ctx, id: req.params.id }));
  api.patch('/schedules/:id', { config: { policy: 'write' }, schema: { tags, params: IdParams, body: UpdateScheduleInput, response: { 200: Schedule } } }, async (req) =>
    updateSchedule({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
  api.delete('/schedules/:id', { config: { policy: 'write' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await deleteSchedule({ ctx: req.ctx, id: req.params.id });
    return reply.status(204).send();
  });

  const LayerParams = z.object({ id: Id, layerId: Id });
  api.post('/schedules/:id/layers', { config: { policy: 'write' }, schema: { tags, params: IdParams, body: LayerInput, response: { 201: Layer } } }, async (req, reply) =>
    reply.status(201).send(await addLayer({ ctx: req.ctx, scheduleId: req.params.id, input: req.body })),
  );
  api.patch('/schedules/:id/layers/:layerId', { config: { policy: 'write' }, schema: { tags, params: LayerParams, body: UpdateLayerInput, response: { 200: Layer } } }, async (req) =>
    updateLayer({ ctx: req.ctx, scheduleId: req.params.id, layerId: req.params.layerId, input: req.body }),
  );
  api.delete('/schedules/:id/layers/:layerId', { config: { policy: 'write' }, schema: { tags, params: LayerParams } }, async (req, reply) => {
    await deleteLayer({ ctx: req.ctx, scheduleId: req.params.id, layerId: req.params.layerId });
    return reply.status(204).send();
  });

  api.get('/schedules/:id/overrides', { config: { policy: 'read' }, schema: { tags, params: IdParams, querystring: ListOverridesInput, response: { 200: list(Override) } } }, async (req) =>
    page(await listOverrides({ ctx: req.ctx, scheduleId: req.params.id, input: req.query })),
  );
  api.post('/schedules/:id/overrides', { config: { policy: 'respond' }, schema: { tags, params: IdParams, body: CreateOverrideInput, response: { 201: Override } } }, async (req, reply) =>
    reply.status(201).send(await createOverride({ ctx: req.ctx, scheduleId: req.params.id, input: req.body })),
  );
  api.delete('/schedules/:id/overrides/:overrideId', { config: { policy: 'respond' }, schema: { tags, params: z.object({ id: Id, overrideId: Id }) } }, async (req, reply) => {
    await deleteOverride({ ctx: req.ctx, scheduleId: req.params.id, overrideId: req.params.overrideId });
    return reply.status(204).send();
  });

  api.get('/schedules/:id/on-call', { config: { policy: 'read' }, schema: { tags, params: IdParams, querystring: z.object({ at: Iso.optional() }), response: { 200: OnCall } } }, async (req) =>
    whoIsOnCall({ ctx: req.ctx, scheduleId: req.params.id, at: req.query.at ? Date.parse(req.query.at) : undefined }),
  );
  api.get('/schedules/:id/shifts', { config: { policy: 'read' }, schema: { tags, params: IdParams, querystring: ListShiftsInput, response: { 200: list(Shift) } } }, async (req) =>
    page(await listShifts({ ctx: req.ctx, scheduleId: req.params.id, input: req.query })),
  );

  api.get('/schedules/:id/feed-tokens', { config: { policy: 'write' }, schema: { tags, params: IdParams, response: { 200: list(FeedToken) } } }, async (req) =>
    page(await listFeedTokens({ ctx: req.ctx, kind: 'schedule', targetId: req.params.id })),
  );
  api.post('/schedules/:id/feed-tokens', { config: { policy: 'write' }, schema: { tags, params: IdParams, response: { 201: CreatedFeedToken } } }, async (req, reply) =>
    reply.status(201).send(await createFeedToken({ ctx: req.ctx, kind: 'schedule', targetId: req.params.id })),
  );
  api.delete('/schedules/:id/feed-tokens/:tokenId', { config: { policy: 'write' }, schema: { tags, params: z.object({ id: Id, tokenId: Id }), response: { 200: FeedToken } } }, async (req) =>
    revokeFeedToken({ ctx: req.ctx, kind: 'schedule', targetId: req.params.id, tokenId: req.params.tokenId }),
  );
}
