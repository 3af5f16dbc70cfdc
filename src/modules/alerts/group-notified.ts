import type { Ctx } from '../../platform/context.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import type { NotificationAlert, NotificationMessage } from './notification-message.ts';

/** Enqueued when a group whose route names an escalation policy notifies; the incidents module handles it. */
export const ALERT_GROUP_NOTIFIED_JOB = 'alert.group.notified';

export interface AlertGroupNotifiedPayload {
  orgId: string;
  groupId: string;
  groupKey: string;
  routeId: string;
  escalationPolicy: string;
  dispatchId: string;
  receivers: string[];
  title: string;
  /** The firing and newly resolved alerts the notification carried. */
  alerts: NotificationAlert[];
}

export async function enqueueGroupNotified(ctx: Ctx, payload: Omit<AlertGroupNotifiedPayload, 'orgId' | 'alerts' | 'title'>, message: NotificationMessage): Promise<void> {
  const now = ctx.clock.now();
  const full: AlertGroupNotifiedPayload = { orgId: ctx.orgId, ...payload, title: message.title, alerts: message.alerts };
  await enqueueJob(ctx.db, now, { kind: ALERT_GROUP_NOTIFIED_JOB, orgId: ctx.orgId, dueAt: now, idempotencyKey: `group-notified:${payload.dispatchId}`, payload: full });
}
