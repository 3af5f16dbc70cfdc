import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PageIncident } from '../../statuspages/index.ts';
import { createActionLink } from '../action-link-verbs.ts';
import { addComment } from '../add-comment.ts';
import { changeSeverity } from '../change-severity.ts';
import { closeIncident } from '../close-incident.ts';
import type { IncidentDeps } from '../deps.ts';
import { flagBreach } from '../flag-breach.ts';
import { getTimeline } from '../get-timeline.ts';
import { LinkStatusPageInput, linkStatusPage } from '../link-status-page.ts';
import { postStatusUpdate, StatusUpdateInput } from '../post-status-update.ts';
import { recordRegulatorNotified } from '../record-regulator-notified.ts';
import { recordRunbookOpened } from '../record-runbook-opened.ts';
import { AddCommentInput, ChangeSeverityInput, CommentBody, FlagBreachInput, Incident, RegulatorNotifiedInput, RunbookOpenedInput, SetAssigneesInput, TimelineEvent } from '../schemas.ts';
import { setAssignees } from '../set-assignees.ts';
import { IdParams, tags } from './shared.ts';

const LinkInput = z.object({
  action: z.enum(['ack', 'resolve']),
  userId: z.string().min(1).max(64).optional().describe('the person the link acts for; default anyone holding it'),
  expiresInMinutes: z.number().int().min(1).max(10_080).optional().describe('default 1440 (a day)'),
});
const ActionLink = z.object({ action: z.enum(['ack', 'resolve']), url: z.string(), token: z.string(), expiresAt: z.string() });

export function incidentActionRoutes(app: FastifyInstance, deps: IncidentDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const respond = { config: { policy: 'respond' as const } };
  api.post('/incidents/:id/close', { ...respond, schema: { tags, params: IdParams, body: CommentBody.nullish(), response: { 200: Incident } } }, async (req) =>
    closeIncident({ ctx: req.ctx, id: req.params.id, note: req.body?.comment }),
  );
  api.post('/incidents/:id/severity', { ...respond, schema: { tags, params: IdParams, body: ChangeSeverityInput, response: { 200: Incident } } }, async (req) =>
    changeSeverity({ ctx: req.ctx, id: req.params.id, ...req.body }),
  );
  api.put('/incidents/:id/assignees', { ...respond, schema: { tags, params: IdParams, body: SetAssigneesInput, response: { 200: Incident } } }, async (req) =>
    setAssignees({ ctx: req.ctx, id: req.params.id, assignees: req.body.assignees }),
  );
  api.post('/incidents/:id/comments', { ...respond, schema: { tags, params: IdParams, body: AddCommentInput, response: { 201: TimelineEvent } } }, async (req, reply) =>
    reply.status(201).send(await addComment({ ctx: req.ctx, id: req.params.id, body: req.body.body })),
  );
  api.get('/incidents/:id/timeline', { config: { policy: 'read' }, schema: { tags, params: IdParams, response: { 200: z.object({ data: z.array(TimelineEvent) }) } } }, async (req) => ({
    data: await getTimeline({ ctx: req.ctx, id: req.params.id }),
  }));
  api.post('/incidents/:id/breach', { ...respond, schema: { tags, params: IdParams, body: FlagBreachInput, response: { 200: Incident } } }, async (req) =>
    flagBreach({ ctx: req.ctx, id: req.params.id, ...req.body }),
  );
  api.post('/incidents/:id/breach/regulator-notified', { ...respond, schema: { tags, params: IdParams, body: RegulatorNotifiedInput, response: { 200: Incident } } }, async (req) =>
    recordRegulatorNotified({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
  api.post('/incidents/:id/runbook-opened', { ...respond, schema: { tags, params: IdParams, body: RunbookOpenedInput, response: { 201: TimelineEvent } } }, async (req, reply) =>
    reply.status(201).send(await recordRunbookOpened({ ctx: req.ctx, id: req.params.id, input: req.body })),
  );
  api.post('/incidents/:id/status-page', { config: { policy: 'write' }, schema: { tags, params: IdParams, body: LinkStatusPageInput, response: { 201: PageIncident } } }, async (req, reply) => {
    const notice = await linkStatusPage({ ctx: req.ctx, id: req.params.id, input: req.body });
    deps.pagesChanged?.(req.ctx.orgId);
    return reply.status(201).send(notice);
  });
  api.post('/incidents/:id/status-page/updates', { config: { policy: 'write' }, schema: { tags, params: IdParams, body: StatusUpdateInput, response: { 200: z.object({ updated: z.number() }) } } }, async (req) => {
    const result = await postStatusUpdate({ ctx: req.ctx, id: req.params.id, input: req.body });
    deps.pagesChanged?.(req.ctx.orgId);
    return result;
  });
  api.post('/incidents/:id/links', { ...respond, schema: { tags, params: IdParams, body: LinkInput, response: { 201: ActionLink } } }, async (req, reply) =>
    reply.status(201).send(await createActionLink({ ctx: req.ctx, deps, id: req.params.id, input: req.body })),
  );
}
