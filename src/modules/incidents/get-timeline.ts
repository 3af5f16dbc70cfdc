import { listReceipts, type Receipt } from '../notifications/index.ts';
import { listEscalationEvents, type EscalationEvent } from '../oncall/index.ts';
import { assertCan, type Ctx } from '../../platform/context.ts';
import { subjectOf } from './escalate.ts';
import type { TimelineEvent } from './schemas.ts';
import { getIncidentInOrg, incidentsDb, toEvent } from './store.ts';

const SYSTEM = (display: string) => ({ type: 'system', id: 'system', display });

function fromEscalation(e: EscalationEvent): TimelineEvent {
  const actor = (e.detail?.actor as TimelineEvent['actor'] | undefined) ?? SYSTEM('escalation');
  const detail = { runId: e.runId, repeat: e.repeat, step: e.step, userId: e.userId, method: e.method, channelId: e.channelId, dispatchId: e.dispatchId, ...e.detail };
  return { id: `esc-${e.id}`, at: e.at, kind: e.kind === 'page.sent' ? 'notification.sent' : e.kind === 'page.failed' ? 'notification.failed' : e.kind, actor, detail };
}

// The paging engine records a start, its first step and their pages in one millisecond; keep them in that order.
const ESCALATION_ORDER = ['escalation.started', 'escalation.step', 'page.sent', 'page.failed', 'escalation.acknowledged', 'escalation.stopped'];
const byEscalationOrder = (a: EscalationEvent, b: EscalationEvent) => (a.at < b.at ? -1 : a.at > b.at ? 1 : ESCALATION_ORDER.indexOf(a.kind) - ESCALATION_ORDER.indexOf(b.kind));

function fromReceipt(r: Receipt): TimelineEvent | null {
  if (r.status === 'retrying') return null;
  const detail = { channelId: r.channelId, channelType: r.channelType, dispatchId: r.dispatchId, attempt: r.attempt, status: r.status, statusCode: r.statusCode, error: r.error };
  return { id: `rcpt-${r.id}`, at: r.at, kind: r.status === 'delivered' ? 'notification.delivered' : 'notification.failed', actor: SYSTEM('notifications'), detail };
}

async function receiptsOf(ctx: Ctx, dispatchIds: string[]): Promise<TimelineEvent[]> {
  const out: TimelineEvent[] = [];
  for (const dispatchId of new Set(dispatchIds)) {
    const { data } = await listReceipts({ ctx, input: { dispatchId, limit: 100 } });
    for (const r of data) {
      const event = fromReceipt(r);
      if (event) out.push(event);
    }
  }
  return out;
}

/**
 * Everything that happened to the incident, oldest first, each with its actor: its own events,
 * its escalation (steps and pages, from the paging engine) and the delivery receipts of its pages
 * and of the alert notifications that opened or joined it.
 */
export async function getTimeline({ ctx, id }: { ctx: Ctx; id: string }): Promise<TimelineEvent[]> {
  assertCan(ctx, 'read');
  const row = await getIncidentInOrg(ctx, id);
  const reader = { ...ctx, role: 'owner' as const };
  const own = (await incidentsDb(ctx.db).selectFrom('incident_events').selectAll().where('org_id', '=', ctx.orgId).where('incident_id', '=', id).orderBy('at').orderBy('seq').execute()).map(toEvent);
  const escalation = (await listEscalationEvents({ ctx: reader, subject: subjectOf(row) })).toSorted(byEscalationOrder).map(fromEscalation);
  const dispatches = [...own.map((e) => e.detail?.dispatchId), ...escalation.filter((e) => e.kind === 'notification.sent').map((e) => e.detail?.dispatchId)].filter((d): d is string => typeof d === 'string');
  const receipts = await receiptsOf(reader, dispatches);
  // At the same instant: the creation, the incident's other events, then escalation, then receipts.
  const ranked = [own, escalation, receipts].flatMap((events, rank) => events.map((event, i) => ({ event, rank: event.kind === 'incident.created' ? -1 : rank, i })));
  ranked.sort((a, b) => (a.event.at < b.event.at ? -1 : a.event.at > b.event.at ? 1 : a.rank - b.rank || a.i - b.i));
  return ranked.map((r) => r.event);
}
