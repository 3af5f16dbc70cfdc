import { listOrganizations } from '../auth/index.ts';
import { listEscalationPolicies, startEscalation, type EscalationRun } from '../oncall/index.ts';
import type { NotificationAlert, NotificationMessage } from '../notifications/index.ts';
import { matchRunbooks } from '../runbooks/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { DEFAULT_LINK_TTL_MS, linkUrl, signLink } from './action-links.ts';
import type { IncidentDeps } from './deps.ts';
import type { SeverityPolicyDocument } from './policy-schemas.ts';
import type { IncidentsTable } from './schema.ts';
import { slaText } from './sla-schedule.ts';
import { recordTimeline } from './store.ts';

export const SUBJECT_TYPE = 'incident';
export const subjectOf = (row: Pick<IncidentsTable, 'id'>) => ({ type: SUBJECT_TYPE, id: row.id });

/** The organization's escalation policy by id or name (routes name policies either way). */
export async function findPolicyId(ctx: Ctx, ref: string): Promise<string | null> {
  const policies = await listEscalationPolicies({ ctx: { ...ctx, role: 'owner' } });
  return (policies.find((p) => p.id === ref) ?? policies.find((p) => p.name === ref))?.id ?? null;
}

const dashboardUrl = (ctx: Ctx, path: string) => (ctx.config.publicUrl ? `${ctx.config.publicUrl.replace(/\/$/, '')}${path}` : undefined);
export const incidentUrl = (ctx: Ctx, id: string) => dashboardUrl(ctx, `/incidents/${id}`);

/** The alert's own runbook link, else the organization's runbook that best matches the incident's labels. */
async function runbookLink(ctx: Ctx, row: IncidentsTable, alerts: NotificationAlert[]): Promise<string | undefined> {
  const given = alerts.find((a) => a.runbookUrl)?.runbookUrl;
  if (given || !ctx.config.publicUrl) return given;
  const labels = JSON.parse(row.labels) as Record<string, string>;
  const [best] = (await matchRunbooks({ ctx: { ...ctx, role: 'owner' }, input: { labels } })).data;
  return best ? dashboardUrl(ctx, `/runbooks/${best.slug}`) : undefined;
}

/** The message every page of the incident carries, with a signed acknowledge link that works for a day. */
export async function pageMessage(ctx: Ctx, deps: IncidentDeps, row: IncidentsTable, policy: SeverityPolicyDocument, alerts: NotificationAlert[], prefix = ''): Promise<NotificationMessage> {
  const [org] = await listOrganizations({ ctx: { ...ctx, role: 'owner' }, userId: null });
  const expiresAt = ctx.clock.now() + DEFAULT_LINK_TTL_MS;
  const token = await signLink(ctx, deps.secrets(), { incidentId: row.id, action: 'ack', userId: null, expiresAt });
  const url = incidentUrl(ctx, row.id);
  const runbook = await runbookLink(ctx, row, alerts);
  return {
    kind: 'alert.firing',
    org: { id: org.id, name: org.name },
    title: `${prefix}[${row.severity}] ${row.title}`,
    groupKey: `incident:${row.id}`,
    alerts,
    links: { ...(url ? { incident: url } : {}), acknowledge: linkUrl(ctx, 'ack', token), ...(runbook ? { runbook } : {}) },
    responseSla: slaText(policy, row.severity),
  };
}

/** Starts paging through the escalation policy for the incident (in the caller's transaction, before its audit). */
export async function escalateIncident(ctx: Ctx, deps: IncidentDeps, row: IncidentsTable, policy: SeverityPolicyDocument, alerts: NotificationAlert[], prefix = ''): Promise<EscalationRun | null> {
  if (!row.escalation_policy_id) return null;
  const message = await pageMessage(ctx, deps, row, policy, alerts, prefix);
  try {
    const { run } = await startEscalation({
      ctx: { ...ctx, role: 'owner' },
      policyId: row.escalation_policy_id,
      subject: { ...subjectOf(row), title: row.title.slice(0, 500), severity: row.severity, ...(message.links.incident ? { url: message.links.incident } : {}) },
      message,
    });
    return run;
  } catch (err) {
    // The policy was deleted since the incident named it: the incident still opens or records its breach.
    if (!(err instanceof AppError) || err.code !== 'ESCALATION_POLICY_NOT_FOUND') throw err;
    await recordTimeline(ctx, row.id, { kind: 'escalation.failed', detail: { reason: `escalation policy ${row.escalation_policy_id} no longer exists` } });
    return null;
  }
}
