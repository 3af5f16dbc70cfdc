import { sql, type Executor } from '../../../platform/db/index.ts';
import type { ErrorEventsTable, ErrorIssueMinutesTable, ErrorIssueReleasesTable, ErrorIssueTagsTable, ErrorReleasesTable } from '../schema.ts';
import { fixedChunks } from '../sql-chunks.ts';
import { errorsDb } from '../store.ts';
import type { IssueChange } from './assign-issues.ts';

const MINUTE = 60_000;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (const chunk of fixedChunks(rows)) await insert(chunk);
}

function bump<T>(map: Map<string, T>, id: string, make: () => T, update: (row: T) => void): void {
  const row = map.get(id);
  if (row) update(row);
  else map.set(id, make());
}

/** New affected users per issue: pseudonyms inserted now that the issue had not seen. */
async function insertUsers(db: Executor, changes: IssueChange[]): Promise<Map<string, number>> {
  const rows = new Map<string, { issue_id: string; user_hash: string; first_seen: number }>();
  for (const c of changes) for (const e of c.events) if (e.userHash) bump(rows, `${c.row.id}\0${e.userHash}`, () => ({ issue_id: c.row.id, user_hash: e.userHash!, first_seen: e.receivedAt }), () => undefined);
  const added = new Map<string, number>();
  await insertChunks([...rows.values()], async (chunk) => {
    const inserted = await errorsDb(db).insertInto('error_issue_users').values(chunk).onConflict((oc) => oc.columns(['issue_id', 'user_hash']).doNothing()).returning('issue_id').execute();
    for (const r of inserted) added.set(r.issue_id, (added.get(r.issue_id) ?? 0) + 1);
  });
  return added;
}

/** Writes a digested batch: issues, their hashes, events, affected users, tag facets, releases and per-minute counts. */
export async function writeDigest(db: Executor, changes: IssueChange[]): Promise<void> {
  const q = errorsDb(db);
  const users = await insertUsers(db, changes);
  for (const c of changes) c.row.user_count = Number(c.row.user_count) + (users.get(c.row.id) ?? 0);

  const fresh = changes.filter((c) => c.isNew).map((c) => c.row);
  await insertChunks(fresh, (chunk) => q.insertInto('error_issues').values(chunk).execute());
  for (const c of changes) {
    if (c.isNew) continue;
    const { id, ...fields } = c.row;
    await q.updateTable('error_issues').set(fields).where('id', '=', id).execute();
  }
  const hashes = changes.flatMap((c) => c.newHashes.map((h) => ({ project_id: c.row.project_id, hash: h.hash, issue_id: c.row.id, grouping_config: h.config })));
  await insertChunks(hashes, (chunk) => q.insertInto('error_issue_hashes').values(chunk).onConflict((oc) => oc.columns(['project_id', 'hash']).doNothing()).execute());

  const events: ErrorEventsTable[] = changes.flatMap((c) =>
    c.events.map((e) => ({
      org_id: e.orgId,
      project_id: e.projectId,
      event_id: e.eventId,
      issue_id: c.row.id,
      received_at: e.receivedAt,
      timestamp: e.facts.timestamp,
      level: e.facts.level,
      release: e.facts.release,
      environment: e.facts.environment,
      user_hash: e.userHash,
      title: e.facts.title,
      size: e.data.length,
      data: e.data,
    })),
  );
  // The hot insert as a plain statement: the query builder's per-row work cost more than SQLite's.
  await insertChunks(events, (chunk) => {
    const rows = chunk.map((e) => sql`(${e.org_id}, ${e.project_id}, ${e.event_id}, ${e.issue_id}, ${e.received_at}, ${e.timestamp}, ${e.level}, ${e.release}, ${e.environment}, ${e.user_hash}, ${e.title}, ${e.size}, ${e.data})`);
    return sql`insert into error_events (org_id, project_id, event_id, issue_id, received_at, "timestamp", level, "release", environment, user_hash, title, size, data) values ${sql.join(rows)}`.execute(db);
  });
  await writeFacets(db, changes);
}

async function writeFacets(db: Executor, changes: IssueChange[]): Promise<void> {
  const q = errorsDb(db);
  const tags = new Map<string, ErrorIssueTagsTable>();
  const issueReleases = new Map<string, ErrorIssueReleasesTable>();
  const minutes = new Map<string, ErrorIssueMinutesTable>();
  const releases = new Map<string, ErrorReleasesTable>();
  for (const c of changes) {
    const issue = c.row.id;
    c.events.forEach((e, i) => {
      const at = e.receivedAt;
      for (const [key, value] of e.facts.tags) {
        bump(tags, `${issue}\0${key}\0${value}`, () => ({ issue_id: issue, key, value, count: 1, first_seen: at, last_seen: at }), (r) => {
          r.count++;
          r.last_seen = at;
        });
      }
      const minute = Math.floor(at / MINUTE) * MINUTE;
      bump(minutes, `${issue}\0${minute}`, () => ({ issue_id: issue, minute, count: 1 }), (r) => void r.count++);
      const release = e.facts.release;
      if (release === null) return;
      const regressedHere = c.regressed && c.row.regressed_in_release === release && i === c.events.findIndex((x) => x.facts.release === release);
      bump(issueReleases, `${issue}\0${release}`, () => ({ issue_id: issue, release, first_seen: at, last_seen: at, count: 1, regressed: regressedHere ? 1 : 0 }), (r) => {
        r.count++;
        r.last_seen = at;
      });
      const isFirst = c.isNew && i === 0;
      bump(releases, `${e.projectId}\0${release}`, () => ({ org_id: e.orgId, project_id: e.projectId, version: release, created_at: at, first_event_at: at, last_event_at: at, event_count: 1, new_issues: isFirst ? 1 : 0, regressions: regressedHere ? 1 : 0 }), (r) => {
        r.event_count++;
        r.last_event_at = at;
        if (isFirst) r.new_issues++;
        if (regressedHere) r.regressions++;
      });
    });
  }
  await insertChunks([...tags.values()], (chunk) =>
    q.insertInto('error_issue_tags').values(chunk).onConflict((oc) => oc.columns(['issue_id', 'key', 'value']).doUpdateSet((eb) => ({ count: eb('error_issue_tags.count', '+', eb.ref('excluded.count')), last_seen: eb.ref('excluded.last_seen') }))).execute(),
  );
  await insertChunks([...minutes.values()], (chunk) =>
    q.insertInto('error_issue_minutes').values(chunk).onConflict((oc) => oc.columns(['issue_id', 'minute']).doUpdateSet((eb) => ({ count: eb('error_issue_minutes.count', '+', eb.ref('excluded.count')) }))).execute(),
  );
  await insertChunks([...issueReleases.values()], (chunk) =>
    q
      .insertInto('error_issue_releases')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['issue_id', 'release']).doUpdateSet((eb) => ({
          count: eb('error_issue_releases.count', '+', eb.ref('excluded.count')),
          last_seen: eb.ref('excluded.last_seen'),
          regressed: eb('error_issue_releases.regressed', '+', eb.ref('excluded.regressed')),
        })),
      )
      .execute(),
  );
  await insertChunks([...releases.values()], (chunk) =>
    q
      .insertInto('error_releases')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['project_id', 'version']).doUpdateSet((eb) => ({
          first_event_at: eb.fn.coalesce('error_releases.first_event_at', eb.ref('excluded.first_event_at')),
          last_event_at: eb.ref('excluded.last_event_at'),
          event_count: eb('error_releases.event_count', '+', eb.ref('excluded.event_count')),
          new_issues: eb('error_releases.new_issues', '+', eb.ref('excluded.new_issues')),
          regressions: eb('error_releases.regressions', '+', eb.ref('excluded.regressions')),
        })),
      )
      .execute(),
  );
}
