import { listAuditEvents, type AuditEvent } from '../../audit/index.ts';
import type { Ctx } from '../../../platform/context.ts';
import { allPages } from '../collect.ts';
import type { Period } from '../period.ts';
import type { ChangeSection } from '../schemas.ts';
import { changeKind } from './change-kind.ts';

export const MAX_CHANGE_EVENTS = 5_000;

/** Every audit event in the period: counts by action and the list, oldest first. */
export async function changeSection(ctx: Ctx, period: Period): Promise<ChangeSection> {
  const events: AuditEvent[] = await allPages((cursor) => listAuditEvents({ ctx, input: { from: period.from, to: period.to, cursor, limit: 500 } }));
  events.reverse();
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.action, (counts.get(e.action) ?? 0) + 1);
  const byKind = { access: 0, configuration: 0, operations: 0 };
  for (const e of events) byKind[changeKind(e.action)]++;
  return {
    total: events.length,
    byKind,
    byAction: [...counts].map(([action, count]) => ({ action, kind: changeKind(action), count })).sort((a, b) => b.count - a.count || a.action.localeCompare(b.action)),
    events: events.slice(-MAX_CHANGE_EVENTS).map((e) => ({ seq: e.seq, at: e.at, actor: `${e.actor.type}:${e.actor.display}`, action: e.action, kind: changeKind(e.action), subject: `${e.subject.type}:${e.subject.id}` })),
    truncated: events.length > MAX_CHANGE_EVENTS,
  };
}
