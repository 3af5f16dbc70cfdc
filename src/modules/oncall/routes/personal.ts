import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission } from '../../../platform/context.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import type { ChannelDirectory } from '../channels.ts';
import { ContactMethod, CreateContactMethodInput, CreateNotificationRuleInput, NotificationRule, UpdateContactMethodInput, UpdateNotificationRuleInput } from '../contact-schemas.ts';
import { createContactMethod } from '../create-contact-method.ts';
import { createFeedToken } from '../create-feed-token.ts';
import { createNotificationRule } from '../create-notification-rule.ts';
import { deleteContactMethod } from '../delete-contact-method.ts';
import { deleteNotificationRule } from '../delete-notification-rule.ts';
import { listContactMethods } from '../list-contact-methods.ts';
import { listFeedTokens } from '../list-feed-tokens.ts';
import { listNotificationRules } from '../list-notification-rules.ts';
import { revokeFeedToken } from '../revoke-feed-token.ts';
import { CreatedFeedToken, FeedToken } from '../schedule-schemas.ts';
import { updateContactMethod } from '../update-contact-method.ts';
import { updateNotificationRule } from '../update-notification-rule.ts';
import { Id, list, me, page } from './shared.ts';

const tags = ['on-call'];
type Item = { what: string; code: string };
/** Whose contact methods a request edits; for an item, a caller without a user (an API token) owns none. */
type UserOf = (req: FastifyRequest, item?: Item) => string;

const self: UserOf = (req, item) => {
  if (!req.auth?.userId && item) throw new NotFoundError(item.what, item.code);
  return me(req);
};
const member: UserOf = (req) => (req.params as { userId: string }).userId;

const METHOD: Item = { what: 'Contact method', code: 'CONTACT_METHOD_NOT_FOUND' };
const RULE: Item = { what: 'Notification rule', code: 'NOTIFICATION_RULE_NOT_FOUND' };

function contactRoutes(app: FastifyInstance, prefix: string, policy: Permission, userOf: UserOf, base: z.ZodObject, channels: ChannelDirectory): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const Item = base.extend({ id: Id });
  api.get(`${prefix}/contact-methods`, { config: { policy }, schema: { tags, params: base, response: { 200: list(ContactMethod) } } }, async (req) =>
    page(await listContactMethods({ ctx: req.ctx, userId: userOf(req) })),
  );
  api.post(`${prefix}/contact-methods`, { config: { policy }, schema: { tags, params: base, body: CreateContactMethodInput, response: { 201: ContactMethod } } }, async (req, reply) =>
    reply.status(201).send(await createContactMethod({ ctx: req.ctx, userId: userOf(req), input: req.body, channels })),
  );
  api.patch(`${prefix}/contact-methods/:id`, { config: { policy }, schema: { tags, params: Item, body: UpdateContactMethodInput, response: { 200: ContactMethod } } }, async (req) =>
    updateContactMethod({ ctx: req.ctx, userId: userOf(req, METHOD), id: req.params.id as string, input: req.body, channels }),
  );
  api.delete(`${prefix}/contact-methods/:id`, { config: { policy }, schema: { tags, params: Item } }, async (req, reply) => {
    await deleteContactMethod({ ctx: req.ctx, userId: userOf(req, METHOD), id: req.params.id as string });
    return reply.status(204).send();
  });

  api.get(`${prefix}/notification-rules`, { config: { policy }, schema: { tags, params: base, response: { 200: list(NotificationRule) } } }, async (req) =>
    page(await listNotificationRules({ ctx: req.ctx, userId: userOf(req) })),
  );
  api.post(`${prefix}/notification-rules`, { config: { policy }, schema: { tags, params: base, body: CreateNotificationRuleInput, response: { 201: NotificationRule } } }, async (req, reply) =>
    reply.status(201).send(await createNotificationRule({ ctx: req.ctx, userId: userOf(req), input: req.body })),
  );
  api.patch(`${prefix}/notification-rules/:id`, { config: { policy }, schema: { tags, params: Item, body: UpdateNotificationRuleInput, response: { 200: NotificationRule } } }, async (req) =>
    updateNotificationRule({ ctx: req.ctx, userId: userOf(req, RULE), id: req.params.id as string, input: req.body }),
  );
  api.delete(`${prefix}/notification-rules/:id`, { config: { policy }, schema: { tags, params: Item } }, async (req, reply) => {
    await deleteNotificationRule({ ctx: req.ctx, userId: userOf(req, RULE), id: req.params.id as string });
    return reply.status(204).send();
  });
}

/** Each member edits their own contact methods, rules and calendar feed under /users/me; admins edit anyone's under /members/:userId. */
export function personalRoutes(app: FastifyInstance, channels: ChannelDirectory): void {
  contactRoutes(app, '/users/me', 'read', self, z.object({}), channels);
  contactRoutes(app, '/members/:userId', 'admin', member, z.object({ userId: Id }), channels);

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/users/me/feed-tokens', { config: { policy: 'read' }, schema: { tags, response: { 200: list(FeedToken) } } }, async (req) =>
    page(await listFeedTokens({ ctx: req.ctx, kind: 'user', targetId: me(req) })),
  );
  api.post('/users/me/feed-tokens', { config: { policy: 'read' }, schema: { tags, response: { 201: CreatedFeedToken } } }, async (req, reply) =>
    reply.status(201).send(await createFeedToken({ ctx: req.ctx, kind: 'user', targetId: me(req) })),
  );
  api.delete('/users/me/feed-tokens/:tokenId', { config: { policy: 'read' }, schema: { tags, params: z.object({ tokenId: Id }), response: { 200: FeedToken } } }, async (req) =>
    revokeFeedToken({ ctx: req.ctx, kind: 'user', targetId: self(req, { what: 'Feed token', code: 'FEED_TOKEN_NOT_FOUND' }), tokenId: req.params.tokenId }),
  );
}
