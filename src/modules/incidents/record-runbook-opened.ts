import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import type { TimelineEvent } from './schemas.ts';
import { appendTimeline, getIncidentInOrg } from './store.ts';

/** Records on the timeline that someone opened a runbook (by id or URL) while working the incident. */
export async function recordRunbookOpened({ ctx, id, input }: { ctx: Ctx; id: string; input: { runbookId?: string; url?: string; title?: string } }): Promise<TimelineEvent> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    await getIncidentInOrg(tx, id);
    const detail = { runbookId: input.runbookId ?? null, url: input.url ?? null, title: input.title ?? null };
    const event = await appendTimeline(tx, id, { kind: 'runbook.opened', detail });
    await recordAudit(tx, { action: 'incident.runbook_opened', subject: { type: 'incident', id }, data: { eventId: event.id, ...detail } });
    return event;
  });
}
