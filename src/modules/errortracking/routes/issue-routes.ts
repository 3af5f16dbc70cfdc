import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getIssue } from '../get-issue.ts';
import { getIssueEvent } from '../get-issue-event.ts';
import { EventDetail, EventSummary, Issue, IssueDetail, ListEventsInput, ListIssuesInput, UpdateIssueInput } from '../issue-schemas.ts';
import { listIssueEvents } from '../list-issue-events.ts';
import { listIssues } from '../list-issues.ts';
import { updateIssue } from '../update-issue.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const EventParams = IdParams.extend({ eventId: z.string().min(1).max(64) });
const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });
const tags = ['error tracking'];

export function issueRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/issues', { config: { policy: 'read' }, schema: { tags, querystring: ListIssuesInput, response: { 200: page(Issue) } } }, async (req) =>
    listIssues({ ctx: req.ctx, input: req.query }),
  );
  api.get('/issues/:id', { config: { policy: 'read' }, schema: { tags, params: IdParams, response: { 200: IssueDetail } } }, async (req) =>
    getIssue({ ctx: req.ctx, id: req.params.id }),
  );
  api.patch('/issues/:id', { config: { policy: 'respond' }, schema: { tags, params: IdParams, body: UpdateIssueInput, response: { 200: Issue } } }, async (req) =>
    updateIssue({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
  api.get('/issues/:id/events', { config: { policy: 'read' }, schema: { tags, params: IdParams, querystring: ListEventsInput, response: { 200: page(EventSummary) } } }, async (req) =>
    listIssueEvents({ ctx: req.ctx, issueId: req.params.id, input: req.query }),
  );
  api.get('/issues/:id/events/:eventId', { config: { policy: 'read' }, schema: { tags, params: EventParams, response: { 200: EventDetail } } }, async (req) =>
    getIssueEvent({ ctx: req.ctx, issueId: req.params.id, eventId: req.params.eventId }),
  );
}
