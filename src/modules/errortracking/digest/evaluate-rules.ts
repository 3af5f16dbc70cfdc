import type { Executor } from '../../../platform/db/index.ts';
import { enqueueJob } from '../../../platform/jobs/index.ts';
import { ALERT_RAISE_JOB } from '../../alerts/index.ts';
import type { ErrorAlertRulesTable, ErrorProjectsTable } from '../schema.ts';
import { paddedList } from '../sql-chunks.ts';
import { errorsDb } from '../store.ts';
import type { IssueChange } from './assign-issues.ts';
import { LEVEL_RANK } from './describe-event.ts';

const MINUTE = 60_000;

export interface RuleDeps {
  now: number;
  /** CUSTOS_PUBLIC_URL, for the link to the issue in the alert. */
  publicUrl: string | undefined;
}

export const issuePath = (issueId: string) => `/errors/issues/${issueId}`;
export const ruleDedupKey = (ruleId: string, issueId: string) => `errortracking:${ruleId}:${issueId}`;

/** Whether the rule's condition holds for the batch's change to one issue, and at which severity. */
function fires(rule: ErrorAlertRulesTable, settings: Record<string, unknown>, change: IssueChange, windowCount: number): string | null {
  const severity = rule.severity;
  switch (rule.kind) {
    case 'new_issue':
      return change.isNew ? severity : null;
    case 'regression':
      return change.regressed ? severity : null;
    case 'frequency':
      return windowCount > Number(settings.threshold) ? severity : null;
    case 'level': {
      const min = LEVEL_RANK[String(settings.level ?? 'error')] ?? 3;
      return change.events.some((e) => (LEVEL_RANK[e.facts.level] ?? 3) >= min) ? severity : null;
    }
    case 'tag': {
      const byValue = (settings.severityByValue ?? {}) as Record<string, string>;
      for (const e of change.events.toReversed()) {
        const value = e.facts.tags.find(([k]) => k === settings.key)?.[1];
        if (value === undefined || (settings.value !== undefined && settings.value !== value)) continue;
        return byValue[value] ?? severity;
      }
      return null;
    }
    default:
      return null;
  }
}

/** Events per issue stored in the window before this batch. */
async function windowCounts(db: Executor, issueIds: string[], windowMinutes: number, now: number): Promise<Map<string, number>> {
  if (issueIds.length === 0) return new Map();
  const rows = await errorsDb(db)
    .selectFrom('error_issue_minutes')
    .select((eb) => ['issue_id', eb.fn.sum<number>('count').as('n')])
    .where('issue_id', 'in', paddedList(issueIds))
    .where('minute', '>', Math.floor(now / MINUTE) * MINUTE - windowMinutes * MINUTE)
    .groupBy('issue_id')
    .execute();
  return new Map(rows.map((r) => [r.issue_id, Number(r.n)]));
}

export interface RuleRaise {
  rule: ErrorAlertRulesTable;
  change: IssueChange;
  severity: string;
  projectSlug: string;
}

/**
 * Decides which of the projects' alert rules fire for a digested batch (reads only, so it runs
 * before the batch's write transaction). An issue fires a rule at most once per action interval;
 * new issues and regressions always fire.
 */
export async function planRules(db: Executor, changes: IssueChange[], projects: Map<string, ErrorProjectsTable>, deps: RuleDeps): Promise<RuleRaise[]> {
  if (changes.length === 0) return [];
  const q = errorsDb(db);
  const projectIds = [...new Set(changes.map((c) => c.row.project_id))];
  const rules = await q.selectFrom('error_alert_rules').selectAll().where('project_id', 'in', paddedList(projectIds)).where('enabled', '=', 1).execute();
  const raises: RuleRaise[] = [];
  for (const rule of rules) {
    const settings = JSON.parse(rule.settings) as Record<string, unknown>;
    const mine = changes.filter((c) => c.row.project_id === rule.project_id);
    const known = mine.filter((c) => !c.isNew).map((c) => c.row.id);
    const before = rule.kind === 'frequency' && known.length > 0 ? await windowCounts(db, known, Number(settings.windowMinutes), deps.now) : new Map<string, number>();
    const candidates = mine.map((c) => ({ change: c, severity: fires(rule, settings, c, (before.get(c.row.id) ?? 0) + c.events.length) })).filter((x) => x.severity !== null);
    if (candidates.length === 0) continue;
    const recent = await q.selectFrom('error_rule_fires').select(['issue_id', 'last_fired_at']).where('rule_id', '=', rule.id).where('issue_id', 'in', paddedList(candidates.map((x) => x.change.row.id))).execute();
    const lastFired = new Map(recent.map((r) => [r.issue_id, Number(r.last_fired_at)]));
    for (const { change, severity } of candidates) {
      const last = lastFired.get(change.row.id);
      const always = rule.kind === 'new_issue' || rule.kind === 'regression';
      if (!always && last !== undefined && deps.now - last < rule.action_interval_s * 1000) continue;
      raises.push({ rule, change, severity: severity!, projectSlug: projects.get(change.row.project_id)?.slug ?? change.row.project_id });
    }
  }
  return raises;
}

/** Raises the planned alerts through the alerts module's durable `alert.raise` job, in the digest's transaction. */
export async function applyRules(db: Executor, raises: RuleRaise[], deps: RuleDeps): Promise<number> {
  for (const r of raises) await raise(db, r.rule, r.change, r.severity, r.projectSlug, deps);
  return raises.length;
}

async function raise(db: Executor, rule: ErrorAlertRulesTable, change: IssueChange, severity: string, projectSlug: string, deps: RuleDeps): Promise<void> {
  const issue = change.row;
  const dedupKey = ruleDedupKey(rule.id, issue.id);
  const last = change.events.at(-1)!;
  const link = `${deps.publicUrl?.replace(/\/+$/, '') ?? ''}${issuePath(issue.id)}`;
  const labels: Record<string, string> = { alertname: rule.name.slice(0, 1024), source: 'errortracking', project: projectSlug, issue_id: issue.id, rule: rule.kind, level: issue.level };
  if (last.facts.environment) labels.environment = last.facts.environment;
  if (last.facts.release) labels.release = last.facts.release;
  await enqueueJob(db, deps.now, {
    kind: ALERT_RAISE_JOB,
    orgId: issue.org_id,
    payload: {
      orgId: issue.org_id,
      dedupKey,
      status: 'firing',
      severity,
      source: 'error-rule',
      labels,
      annotations: {
        summary: issue.title.slice(0, 10_000),
        description: `${change.isNew ? 'New issue' : change.regressed ? `Regression${issue.regressed_in_release ? ` in ${issue.regressed_in_release}` : ''}` : `${issue.event_count} events`}${issue.culprit ? ` — ${issue.culprit}` : ''}`,
        issue_url: link,
        events: String(issue.event_count),
        users: String(issue.user_count),
      },
    },
    dueAt: deps.now,
  });
  await errorsDb(db)
    .insertInto('error_rule_fires')
    .values({ rule_id: rule.id, issue_id: issue.id, org_id: issue.org_id, dedup_key: dedupKey, last_fired_at: deps.now })
    .onConflict((oc) => oc.columns(['rule_id', 'issue_id']).doUpdateSet({ last_fired_at: deps.now }))
    .execute();
}
