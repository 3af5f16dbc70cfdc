import { inTransaction, serviceCtx, systemActor, type Ctx, type Services } from '../../platform/context.ts';
import { MINUTE } from '../../platform/clock.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { contactMethodsOf, rulesOf } from './contact-store.ts';
import type { Step } from './escalation-schemas.ts';
import { claimActiveRun, eventBase, recordEvent } from './escalation-store.ts';
import { resolveTargets } from './resolve-targets.ts';
import type { RunsTable } from './schema.ts';
import { ESCALATION_PAGE_JOB, escalationKey, ruleApplies } from './urgency.ts';

export interface StepJobPayload {
  orgId: string;
  runId: string;
  repeat: number;
  step: number;
}

/** One page to send: to a person through one contact method, or to a channel the step names. */
export interface PageJobPayload extends StepJobPayload {
  rule: string;
  userId?: string;
  contactMethodId?: string;
  channelId?: string;
}

export type StepOutcome = 'paged' | 'ended' | 'done-before';

type Page = { userId: string; rule: string; contactMethodId: string; delayMinutes: number };

/**
 * A person's pages at this urgency: their rules for it; with no rules at all, every contact
 * method at once. Someone who set rules only for the other urgency is not paged, by their choice.
 */
async function pagesFor(ctx: Ctx, run: RunsTable, userIds: string[]): Promise<{ pages: Page[]; unreachable: Map<string, string> }> {
  const [rules, methods] = await Promise.all([rulesOf(ctx, userIds), contactMethodsOf(ctx, userIds)]);
  const pages: Page[] = [];
  const unreachable = new Map<string, string>();
  for (const userId of userIds) {
    const own = rules.filter((r) => r.user_id === userId);
    const fitting = own.filter((r) => ruleApplies(r, run.urgency));
    const mine = methods.filter((m) => m.user_id === userId);
    if (fitting.length > 0) pages.push(...fitting.map((r) => ({ userId, rule: r.id, contactMethodId: r.contact_method_id, delayMinutes: r.delay_min })));
    else if (own.length > 0) unreachable.set(userId, `no notification rule for ${run.urgency} urgency`);
    else if (mine.length > 0) pages.push(...mine.map((m) => ({ userId, rule: `default-${m.id}`, contactMethodId: m.id, delayMinutes: 0 })));
    else unreachable.set(userId, 'no contact methods');
  }
  return { pages, unreachable };
}

/**
 * The `escalation.step` job: resolves the step's targets now (a schedule pages whoever is on call
 * at this moment) and books one `escalation.page` job per personal notification rule and per
 * channel. Skipped once the escalation was acknowledged or stopped; a second run of the same job
 * finds its step event and does nothing. Like alert flushes and deliveries, steps and pages are
 * recorded as events rather than audited: a job then locks only the run row, never the audit head.
 */
export async function runEscalationStep({ services, payload }: { services: Services; payload: StepJobPayload }): Promise<StepOutcome> {
  const ctx = serviceCtx(services, payload.orgId, systemActor('escalation'));
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const run = await claimActiveRun(tx.db, tx.orgId, payload.runId, now);
    if (!run) return 'ended';
    const step: Step = JSON.parse(run.policy).steps[payload.step];
    const targets = await resolveTargets(tx, step.targets, now);
    const key = escalationKey(run.id, payload.repeat, payload.step);
    const where = { repeat_no: payload.repeat, step_no: payload.step };
    const detail = { delayMinutes: step.delayMinutes, targets: targets.resolved };
    if (!(await recordEvent(tx.db, { ...eventBase(run, now), ...where, event_key: key, kind: 'escalation.step', detail: JSON.stringify(detail) }))) return 'done-before';

    const { pages, unreachable } = await pagesFor(tx, run, targets.userIds);
    for (const [userId, reason] of unreachable) {
      await recordEvent(tx.db, { ...eventBase(run, now), ...where, event_key: `${key}:user-${userId}`, kind: 'page.failed', user_id: userId, detail: JSON.stringify({ reason }) });
    }
    const book = (rule: string, delayMinutes: number, extra: Partial<PageJobPayload>) =>
      enqueueJob(tx.db, now, {
        kind: ESCALATION_PAGE_JOB,
        orgId: tx.orgId,
        dueAt: now + delayMinutes * MINUTE,
        idempotencyKey: escalationKey(run.id, payload.repeat, payload.step, rule),
        payload: { ...payload, rule, ...extra } satisfies PageJobPayload,
      });
    for (const p of pages) await book(p.rule, p.delayMinutes, { userId: p.userId, contactMethodId: p.contactMethodId });
    for (const channelId of targets.channelIds) await book(`channel-${channelId}`, 0, { channelId });
    return 'paged';
  });
}
