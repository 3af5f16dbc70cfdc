import { assertCan, type Ctx } from '../../platform/context.ts';
import { decodeCursor, keysetPage, keysetQuery } from '../../platform/db/index.ts';
import type { Issue, ListIssuesInput } from './issue-schemas.ts';
import { errorsDb, toIssue } from './store.ts';

const SORT_COLUMN = { lastSeen: 'last_seen', firstSeen: 'first_seen', count: 'event_count', users: 'user_count' } as const;

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

/** Issues of the organization (or one project), filtered, newest activity (or most events, users) first. */
export async function listIssues({ ctx, input }: { ctx: Ctx; input: ListIssuesInput }): Promise<{ data: Issue[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const column = SORT_COLUMN[input.sort];
  const after = input.cursor ? decodeCursor<[number, string]>(input.cursor, ['number', 'string']) : null;
  const words = (input.query ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const rows = await errorsDb(ctx.db)
    .selectFrom('error_issues as i')
    .selectAll('i')
    .where('i.org_id', '=', ctx.orgId)
    .$if(!!input.projectId, (qb) => qb.where('i.project_id', '=', input.projectId!))
    .$if(!!input.status, (qb) => qb.where('i.status', '=', input.status!))
    .$if(!!input.level, (qb) => qb.where('i.level', '=', input.level!))
    .$if(words.length > 0, (qb) =>
      qb.where((eb) => eb.and(words.map((w) => eb.or([eb('i.title', 'like', `%${escapeLike(w)}%`), eb('i.culprit', 'like', `%${escapeLike(w)}%`)])))),
    )
    .$if(!!input.release, (qb) =>
      qb.where((eb) => eb.exists(eb.selectFrom('error_issue_releases as r').select('r.issue_id').whereRef('r.issue_id', '=', 'i.id').where('r.release', '=', input.release!))),
    )
    .$if(!!input.environment, (qb) =>
      qb.where((eb) =>
        eb.exists(eb.selectFrom('error_issue_tags as t').select('t.issue_id').whereRef('t.issue_id', '=', 'i.id').where('t.key', '=', 'environment').where('t.value', '=', input.environment!)),
      ),
    )
    .$call((qb) => keysetQuery(qb, { columns: [`i.${column}`, 'i.id'], order: 'desc', after, limit: input.limit }))
    .execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (r) => [Number(r[column]), r.id]);
  return { data: page.map(toIssue), nextCursor };
}
