import type { Executor } from '../../../platform/db/index.ts';
import { newId } from '../../../platform/ids.ts';
import type { ErrorIssuesTable } from '../schema.ts';
import { inLists } from '../sql-chunks.ts';
import { errorsDb } from '../store.ts';
import type { DigestEvent } from './prepare-events.ts';

export interface IssueChange {
  row: ErrorIssuesTable;
  isNew: boolean;
  /** Reopened by this batch; `regressedIn` is the release it came back in. */
  regressed: boolean;
  events: DigestEvent[];
  /** Hashes to point at this issue (new issues, and current-config hashes found through the previous config). */
  newHashes: { hash: string; config: string }[];
  /** `updated_at` of the issue as read (null for a new one), to notice a change made meanwhile. */
  readVersion: number | null;
}


/** Drops events already stored (an SDK retrying after our answer was lost) and repeats within the batch. */
export async function withoutStored(db: Executor, events: DigestEvent[]): Promise<DigestEvent[]> {
  const seen = new Set<string>();
  const unique = events.filter((e) => {
    const id = `${e.projectId}\0${e.eventId}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const byProject = Map.groupBy(unique, (e) => e.projectId);
  const stored = new Set<string>();
  for (const [projectId, list] of byProject) {
    const rows = await inLists(list.map((e) => e.eventId), (ids) =>
      errorsDb(db).selectFrom('error_events').select('event_id').where('project_id', '=', projectId).where('event_id', 'in', ids).execute(),
    );
    for (const r of rows) stored.add(`${projectId}\0${r.event_id}`);
  }
  return unique.filter((e) => !stored.has(`${e.projectId}\0${e.eventId}`));
}

/** Whether `release` came after `resolvedIn` (an unknown release is new). */
async function isNewerRelease(db: Executor, projectId: string, release: string | null, resolvedIn: string | null): Promise<boolean> {
  if (resolvedIn === null) return true;
  if (release === null || release === resolvedIn) return false;
  const rows = await errorsDb(db).selectFrom('error_releases').select(['version', 'created_at']).where('project_id', '=', projectId).where((eb) => eb.or([eb('version', '=', release), eb('version', '=', resolvedIn)])).execute();
  const created = new Map(rows.map((r) => [r.version, Number(r.created_at)]));
  const mine = created.get(release);
  return mine === undefined || mine > (created.get(resolvedIn) ?? 0);
}

function freshIssue(e: DigestEvent, now: number): ErrorIssuesTable {
  return {
    id: newId(e.receivedAt),
    org_id: e.orgId,
    project_id: e.projectId,
    title: e.facts.title,
    culprit: e.facts.culprit,
    type: e.facts.type,
    level: e.facts.level,
    status: 'unresolved',
    is_regression: 0,
    regressed_at: null,
    regressed_in_release: null,
    resolved_at: null,
    resolved_in_release: null,
    first_seen: e.receivedAt,
    last_seen: e.receivedAt,
    first_release: e.facts.release,
    event_count: 0,
    user_count: 0,
    grouping_config: e.groupingConfig,
    metadata: JSON.stringify(e.facts.metadata),
    last_event_id: null,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Finds each event's issue through its hashes (current config first, then the previous one) or
 * opens a new one, and applies the event: counts, last seen, title, and regressions of resolved
 * issues (`resolved_next_release` only for a newer release; ignored issues stay ignored).
 */
export async function assignIssues(db: Executor, events: DigestEvent[], now: number): Promise<Map<string, IssueChange>> {
  const q = errorsDb(db);
  const changes = new Map<string, IssueChange>();
  const byHash = new Map<string, string>();
  for (const [projectId, list] of Map.groupBy(events, (e) => e.projectId)) {
    const hashes = [...new Set(list.flatMap((e) => e.hashes))];
    const rows = await inLists(hashes, (chunk) => q.selectFrom('error_issue_hashes').select(['hash', 'issue_id']).where('project_id', '=', projectId).where('hash', 'in', chunk).execute());
    for (const r of rows) byHash.set(`${projectId}\0${r.hash}`, r.issue_id);
  }
  const issueIds = [...new Set(byHash.values())];
  const issues = await inLists(issueIds, (ids) => q.selectFrom('error_issues').selectAll().where('id', 'in', ids).execute());
  for (const row of issues) changes.set(row.id, { row: { ...row }, isNew: false, regressed: false, events: [], newHashes: [], readVersion: Number(row.updated_at) });

  for (const e of events) {
    const [primary] = e.hashes;
    const foundBy = e.hashes.find((h) => byHash.has(`${e.projectId}\0${h}`));
    let change = foundBy ? changes.get(byHash.get(`${e.projectId}\0${foundBy}`)!) : undefined;
    if (!change) {
      change = { row: freshIssue(e, now), isNew: true, regressed: false, events: [], newHashes: [{ hash: primary, config: e.groupingConfig }], readVersion: null };
      changes.set(change.row.id, change);
      byHash.set(`${e.projectId}\0${primary}`, change.row.id);
    } else if (foundBy !== primary) {
      change.newHashes.push({ hash: primary, config: e.groupingConfig });
      byHash.set(`${e.projectId}\0${primary}`, change.row.id);
    }
    await applyEvent(db, change, e, now);
  }
  for (const [id, change] of changes) if (change.events.length === 0) changes.delete(id);
  return changes;
}

/** Whether the issues were changed (resolved, say) since `assignIssues` read them. */
export async function changedSince(db: Executor, changes: IssueChange[]): Promise<boolean> {
  const known = changes.filter((c) => c.readVersion !== null);
  if (known.length === 0) return false;
  const rows = await inLists(known.map((c) => c.row.id), (ids) => errorsDb(db).selectFrom('error_issues').select(['id', 'updated_at']).where('id', 'in', ids).execute());
  const now = new Map(rows.map((r) => [r.id, Number(r.updated_at)]));
  return known.some((c) => now.get(c.row.id) !== c.readVersion);
}

async function applyEvent(db: Executor, change: IssueChange, e: DigestEvent, now: number): Promise<void> {
  const row = change.row;
  const reopen =
    row.status === 'resolved' || (row.status === 'resolved_next_release' && (await isNewerRelease(db, row.project_id, e.facts.release, row.resolved_in_release)));
  if (reopen) {
    row.status = 'unresolved';
    row.is_regression = 1;
    row.regressed_at = e.receivedAt;
    row.regressed_in_release = e.facts.release;
    row.resolved_at = null;
    row.resolved_in_release = null;
    change.regressed = true;
  }
  change.events.push(e);
  row.event_count = Number(row.event_count) + 1;
  row.last_seen = Math.max(Number(row.last_seen), e.receivedAt);
  row.first_seen = Math.min(Number(row.first_seen), e.receivedAt);
  row.level = e.facts.level;
  row.title = e.facts.title;
  row.culprit = e.facts.culprit;
  row.metadata = JSON.stringify(e.facts.metadata);
  row.last_event_id = e.eventId;
  row.updated_at = now;
}
