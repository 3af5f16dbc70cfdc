import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { EventDetail } from './issue-schemas.ts';
import type { ErrorEventsTable, ErrorIssuesTable } from './schema.ts';
import { errorsDb, iso } from './store.ts';

export async function getIssueInOrg(ctx: Ctx, id: string): Promise<ErrorIssuesTable> {
  const row = await errorsDb(ctx.db).selectFrom('error_issues').selectAll().where('org_id', '=', ctx.orgId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('Issue', 'ISSUE_NOT_FOUND');
  return row;
}

export function toEventSummary(row: Omit<ErrorEventsTable, 'data'>) {
  return {
    eventId: row.event_id,
    issueId: row.issue_id,
    receivedAt: iso(row.received_at)!,
    timestamp: iso(row.timestamp)!,
    level: row.level,
    release: row.release,
    environment: row.environment,
    title: row.title,
    userId: row.user_hash,
  };
}

export function toEventDetail(row: ErrorEventsTable): EventDetail {
  return { ...toEventSummary(row), data: JSON.parse(row.data) as Record<string, unknown> };
}
