import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import type { TimelineEvent } from './schemas.ts';
import { appendTimeline, getIncidentInOrg } from './store.ts';

/** Adds a comment to the incident's timeline. */
export async function addComment({ ctx, id, body }: { ctx: Ctx; id: string; body: string }): Promise<TimelineEvent> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    await getIncidentInOrg(tx, id);
    const event = await appendTimeline(tx, id, { kind: 'comment', detail: { body } });
    await recordAudit(tx, { action: 'incident.commented', subject: { type: 'incident', id }, data: { eventId: event.id, length: body.length } });
    return event;
  });
}
