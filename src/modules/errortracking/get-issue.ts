import { assertCan, type Ctx } from '../../platform/context.ts';
import { getIssueInOrg, toEventDetail } from './issue-helpers.ts';
import type { IssueDetail } from './issue-schemas.ts';
import { errorsDb, iso, toIssue } from './store.ts';

const HOUR = 3_600_000;
const TOP_VALUES = 10;

/** An issue with its tag facets, release timeline, environments, latest event and the last day's hourly counts. */
export async function getIssue({ ctx, id }: { ctx: Ctx; id: string }): Promise<IssueDetail> {
  assertCan(ctx, 'read');
  const row = await getIssueInOrg(ctx, id);
  const q = errorsDb(ctx.db);
  const tags = await q.selectFrom('error_issue_tags').selectAll().where('issue_id', '=', id).orderBy('key').orderBy('count', 'desc').orderBy('value').execute();
  const releases = await q.selectFrom('error_issue_releases').selectAll().where('issue_id', '=', id).orderBy('first_seen').execute();
  const latest = await q.selectFrom('error_events').selectAll().where('issue_id', '=', id).orderBy('received_at', 'desc').orderBy('event_id', 'desc').limit(1).executeTakeFirst();
  const now = ctx.clock.now();
  const since = Math.floor(now / HOUR) * HOUR - 23 * HOUR;
  const minutes = await q.selectFrom('error_issue_minutes').select(['minute', 'count']).where('issue_id', '=', id).where('minute', '>=', since).execute();
  const hourly = new Map<number, number>();
  for (const m of minutes) hourly.set(Math.floor(Number(m.minute) / HOUR) * HOUR, (hourly.get(Math.floor(Number(m.minute) / HOUR) * HOUR) ?? 0) + Number(m.count));

  const facets = Map.groupBy(tags, (t) => t.key);
  return {
    ...toIssue(row),
    tags: [...facets].map(([key, values]) => ({
      key,
      totalValues: values.length,
      topValues: values.slice(0, TOP_VALUES).map((v) => ({ value: v.value, count: Number(v.count), firstSeen: iso(v.first_seen)!, lastSeen: iso(v.last_seen)! })),
    })),
    environments: (facets.get('environment') ?? []).map((t) => t.value),
    releases: releases.map((r) => ({ release: r.release, firstSeen: iso(r.first_seen)!, lastSeen: iso(r.last_seen)!, count: Number(r.count), regressed: Number(r.regressed) > 0 })),
    latestEvent: latest ? toEventDetail(latest) : null,
    histogram: Array.from({ length: 24 }, (_, i) => since + i * HOUR).map((at) => ({ at: iso(at)!, count: hourly.get(at) ?? 0 })),
  };
}
