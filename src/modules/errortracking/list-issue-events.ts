import { assertCan, type Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { getIssueInOrg, toEventSummary } from './issue-helpers.ts';
import type { EventSummary, ListEventsInput } from './issue-schemas.ts';
import { decodeCursor, encodeCursor, errorsDb } from './store.ts';

/** The issue's events, newest first (without their payloads). */
export async function listIssueEvents({ ctx, issueId, input }: { ctx: Ctx; issueId: string; input: ListEventsInput }): Promise<{ data: EventSummary[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const issue = await getIssueInOrg(ctx, issueId);
  const after = input.cursor ? decodeCursor(input.cursor, ['number', 'string']) : null;
  if (input.cursor && !after) throw new ValidationError([{ path: 'cursor', message: 'not a cursor this API returned' }]);
  const rows = await errorsDb(ctx.db)
    .selectFrom('error_events')
    .select(['org_id', 'project_id', 'event_id', 'issue_id', 'received_at', 'timestamp', 'level', 'release', 'environment', 'user_hash', 'title', 'size'])
    .where('issue_id', '=', issue.id)
    .$if(after !== null, (qb) =>
      qb.where((eb) => eb.or([eb('received_at', '<', Number(after![0])), eb.and([eb('received_at', '=', Number(after![0])), eb('event_id', '<', String(after![1]))])])),
    )
    .orderBy('received_at', 'desc')
    .orderBy('event_id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return { data: page.map(toEventSummary), nextCursor: rows.length > input.limit ? encodeCursor([Number(last.received_at), last.event_id]) : null };
}
