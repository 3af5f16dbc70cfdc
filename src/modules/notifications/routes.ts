import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createChannel } from './create-channel.ts';
import { deleteChannel } from './delete-channel.ts';
import type { NotificationDeps } from './deps.ts';
import { getChannel } from './get-channel.ts';
import { getNotificationSettings } from './get-settings.ts';
import { listChannelReceipts } from './list-channel-receipts.ts';
import { listChannelTypes } from './list-channel-types.ts';
import { listChannels } from './list-channels.ts';
import { listReceipts } from './list-receipts.ts';
import {
  Channel,
  ChannelTypeInfo,
  CreateChannelInput,
  ListChannelsInput,
  ListReceiptsInput,
  NotificationSettings,
  Receipt,
  TestChannelInput,
  UpdateChannelInput,
  UpdateNotificationSettingsInput,
} from './schemas.ts';
import { testChannel } from './test-channel.ts';
import { updateChannel } from './update-channel.ts';
import { updateNotificationSettings } from './update-settings.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const tags = ['notifications'];
const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export function notificationRoutes(app: FastifyInstance, deps: NotificationDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/channel-types', { config: { policy: 'read' }, schema: { tags, response: { 200: z.object({ data: z.array(ChannelTypeInfo) }) } } }, async (req) => ({
    data: listChannelTypes({ ctx: req.ctx, deps }),
  }));

  api.get('/channels', { config: { policy: 'read' }, schema: { tags, querystring: ListChannelsInput, response: { 200: page(Channel) } } }, async (req) =>
    listChannels({ ctx: req.ctx, input: req.query, deps }),
  );

  api.post('/channels', { config: { policy: 'write' }, schema: { tags, body: CreateChannelInput, response: { 201: Channel } } }, async (req, reply) =>
    reply.status(201).send(await createChannel({ ctx: req.ctx, input: req.body, deps })),
  );

  api.get('/channels/:id', { config: { policy: 'read' }, schema: { tags, params: IdParams, response: { 200: Channel } } }, async (req) =>
    getChannel({ ctx: req.ctx, id: req.params.id, deps }),
  );

  api.patch('/channels/:id', { config: { policy: 'write' }, schema: { tags, params: IdParams, body: UpdateChannelInput, response: { 200: Channel } } }, async (req) =>
    updateChannel({ ctx: req.ctx, id: req.params.id, input: req.body, deps }),
  );

  api.delete('/channels/:id', { config: { policy: 'write' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await deleteChannel({ ctx: req.ctx, id: req.params.id, deps });
    return reply.status(204).send();
  });

  api.post('/channels/:id/test', { config: { policy: 'write' }, schema: { tags, params: IdParams, body: TestChannelInput.nullish(), response: { 200: Receipt } } }, async (req) =>
    testChannel({ ctx: req.ctx, id: req.params.id, input: req.body ?? {}, deps }),
  );

  api.get(
    '/channels/:id/receipts',
    { config: { policy: 'read' }, schema: { tags, params: IdParams, querystring: ListReceiptsInput.omit({ channelId: true }), response: { 200: page(Receipt) } } },
    async (req) => listChannelReceipts({ ctx: req.ctx, id: req.params.id, input: req.query }),
  );

  api.get('/receipts', { config: { policy: 'read' }, schema: { tags, querystring: ListReceiptsInput, response: { 200: page(Receipt) } } }, async (req) =>
    listReceipts({ ctx: req.ctx, input: req.query }),
  );

  api.get('/notification-settings', { config: { policy: 'read' }, schema: { tags, response: { 200: NotificationSettings } } }, async (req) =>
    getNotificationSettings({ ctx: req.ctx }),
  );

  api.put('/notification-settings', { config: { policy: 'admin' }, schema: { tags, body: UpdateNotificationSettingsInput, response: { 200: NotificationSettings } } }, async (req) =>
    updateNotificationSettings({ ctx: req.ctx, input: req.body }),
  );
}
