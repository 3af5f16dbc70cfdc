import { assertCan, type Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { getIssueInOrg, toEventDetail } from './issue-helpers.ts';
import type { EventDetail } from './issue-schemas.ts';
import { errorsDb } from './store.ts';

/** One stored event of the issue: the scrubbed payload with symbolicated frames and source context. */
export async function getIssueEvent({ ctx, issueId, eventId }: { ctx: Ctx; issueId: string; eventId: string }): Promise<EventDetail> {
  assertCan(ctx, 'read');
  const issue = await getIssueInOrg(ctx, issueId);
  const row = await errorsDb(ctx.db)
    .selectFrom('error_events')
    .selectAll()
    .where('project_id', '=', issue.project_id)
    .where('issue_id', '=', issue.id)
    .where('event_id', '=', eventId.replaceAll('-', '').toLowerCase())
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Event', 'EVENT_NOT_FOUND');
  return toEventDetail(row);
}
