import { assertCan, type Ctx } from '../../platform/context.ts';
import { decodeCursor, keysetPage, keysetQuery } from '../../platform/db/index.ts';
import { getIssueInOrg, toEventSummary } from './issue-helpers.ts';
import type { EventSummary, ListEventsInput } from './issue-schemas.ts';
import { errorsDb } from './store.ts';

/** The issue's events, newest first (without their payloads). */
export async function listIssueEvents({ ctx, issueId, input }: { ctx: Ctx; issueId: string; input: ListEventsInput }): Promise<{ data: EventSummary[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const issue = await getIssueInOrg(ctx, issueId);
  const after = input.cursor ? decodeCursor<[number, string]>(input.cursor, ['number', 'string']) : null;
  const rows = await errorsDb(ctx.db)
    .selectFrom('error_events')
    .select(['org_id', 'project_id', 'event_id', 'issue_id', 'received_at', 'timestamp', 'level', 'release', 'environment', 'user_hash', 'title', 'size'])
    .where('issue_id', '=', issue.id)
    .$call((qb) => keysetQuery(qb, { columns: ['received_at', 'event_id'], order: 'desc', after, limit: input.limit }))
    .execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (r) => [Number(r.received_at), r.event_id]);
  return { data: page.map(toEventSummary), nextCursor };
}
