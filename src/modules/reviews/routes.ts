import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addActionItem } from './add-action-item.ts';
import { deleteActionItem } from './delete-action-item.ts';
import { fileReview } from './file-review.ts';
import { getReviewSettings } from './get-review-settings.ts';
import { getReview } from './get-review.ts';
import { listReviews } from './list-reviews.ts';
import { openReview } from './open-review.ts';
import {
  ActionItem,
  CreateActionItemInput,
  ListReviewsInput,
  OpenReviewInput,
  Review,
  ReviewSettings,
  UpdateActionItemInput,
  UpdateReviewInput,
  UpdateReviewSettingsInput,
} from './schemas.ts';
import { updateActionItem } from './update-action-item.ts';
import { updateReviewSettings } from './update-review-settings.ts';
import { updateReview } from './update-review.ts';

const Id = z.string().min(1).max(64);
const Params = z.object({ id: Id });
const ItemParams = z.object({ id: Id, itemId: Id });
const tags = ['post-incident reviews'];

export function reviewRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/reviews', { config: { policy: 'read' }, schema: { tags, querystring: ListReviewsInput, response: { 200: z.object({ data: z.array(Review), nextCursor: z.string().nullable() }) } } }, async (req) =>
    listReviews({ ctx: req.ctx, input: req.query }),
  );

  api.post('/reviews', { config: { policy: 'respond' }, schema: { tags, body: OpenReviewInput, response: { 200: Review, 201: Review } } }, async (req, reply) => {
    const { review, created } = await openReview({ ctx: req.ctx, input: req.body });
    return reply.status(created ? 201 : 200).send(review);
  });

  api.get('/reviews/:id', { config: { policy: 'read' }, schema: { tags, params: Params, response: { 200: Review } } }, async (req) => getReview({ ctx: req.ctx, id: req.params.id }));

  api.patch('/reviews/:id', { config: { policy: 'respond' }, schema: { tags, params: Params, body: UpdateReviewInput, response: { 200: Review } } }, async (req) =>
    updateReview({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  api.post('/reviews/:id/file', { config: { policy: 'respond' }, schema: { tags, params: Params, response: { 200: Review } } }, async (req) => fileReview({ ctx: req.ctx, id: req.params.id }));

  api.post('/reviews/:id/action-items', { config: { policy: 'respond' }, schema: { tags, params: Params, body: CreateActionItemInput, response: { 201: ActionItem } } }, async (req, reply) =>
    reply.status(201).send(await addActionItem({ ctx: req.ctx, reviewId: req.params.id, input: req.body })),
  );

  api.patch('/reviews/:id/action-items/:itemId', { config: { policy: 'respond' }, schema: { tags, params: ItemParams, body: UpdateActionItemInput, response: { 200: ActionItem } } }, async (req) =>
    updateActionItem({ ctx: req.ctx, reviewId: req.params.id, id: req.params.itemId, input: req.body }),
  );

  api.delete('/reviews/:id/action-items/:itemId', { config: { policy: 'respond' }, schema: { tags, params: ItemParams } }, async (req, reply) => {
    await deleteActionItem({ ctx: req.ctx, reviewId: req.params.id, id: req.params.itemId });
    return reply.status(204).send();
  });

  api.get('/review-settings', { config: { policy: 'read' }, schema: { tags, response: { 200: ReviewSettings } } }, async (req) => getReviewSettings({ ctx: req.ctx }));

  api.patch('/review-settings', { config: { policy: 'admin' }, schema: { tags, body: UpdateReviewSettingsInput, response: { 200: ReviewSettings } } }, async (req) =>
    updateReviewSettings({ ctx: req.ctx, input: req.body }),
  );
}
