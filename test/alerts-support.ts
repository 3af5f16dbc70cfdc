import { expect } from 'vitest';
import { alertsModule, updateRoutes, type NotificationJobPayload } from '../src/modules/alerts/index.ts';
import { auditModule } from '../src/modules/audit/index.ts';
import { authModule } from '../src/modules/auth/index.ts';
import { createMonitorsModule } from '../src/modules/monitors/index.ts';
import type { Ctx } from '../src/platform/context.ts';
import type { JobTables } from '../src/platform/jobs/index.ts';
import type { CustosModule } from '../src/platform/module.ts';
import type { Runtime } from '../src/platform/runtime.ts';

/**
 * The modules alert tests run: no notifications module, so `notification.send` jobs stay in the
 * jobs table, where the tests read what would be delivered.
 */
export const alertTestModules = (): CustosModule[] => [auditModule, authModule, createMonitorsModule(), alertsModule];

export interface SentNotification {
  idempotencyKey: string;
  dueAt: number;
  payload: NotificationJobPayload;
}

/** The `notification.send` jobs enqueued for the organization, oldest first. */
export async function notifications(runtime: Runtime, orgId: string): Promise<SentNotification[]> {
  const rows = await runtime.db
    .withTables<JobTables>()
    .selectFrom('jobs')
    .select(['idempotency_key', 'due_at', 'payload', 'kind'])
    .where('kind', '=', 'notification.send')
    .where('org_id', '=', orgId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ idempotencyKey: r.idempotency_key!, dueAt: Number(r.due_at), payload: JSON.parse(r.payload) }));
}

/** Runs due jobs until none is left (due now); returns how many ran. */
export async function drain(runtime: Runtime): Promise<number> {
  let total = 0;
  for (let i = 0; i < 100; i++) {
    const r = await runtime.runner.runOnce();
    total += r.claimed;
    expect(r.failed).toBe(0);
    if (r.claimed === 0) return total;
  }
  throw new Error('jobs kept coming');
}

export async function saveRoutes(ctx: Ctx, document: Record<string, unknown>): Promise<void> {
  await updateRoutes({ ctx, input: document });
}

/** One dispatch (a group notification) as the receivers see it: the channels and the message. */
export function dispatches(sent: SentNotification[]): { dispatchId: string; channels: string[]; message: NotificationJobPayload['message'] }[] {
  const byId = new Map<string, { dispatchId: string; channels: string[]; message: NotificationJobPayload['message'] }>();
  for (const s of sent) {
    expect(s.idempotencyKey).toBe(`notify:${s.payload.dispatchId}:${s.payload.channelId}`);
    const d = byId.get(s.payload.dispatchId) ?? { dispatchId: s.payload.dispatchId, channels: [], message: s.payload.message };
    d.channels.push(s.payload.channelId);
    byId.set(s.payload.dispatchId, d);
  }
  return [...byId.values()];
}
