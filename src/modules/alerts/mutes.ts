import { inTransaction, type Ctx } from '../../platform/context.ts';
import { inhibitionsOf, type Inhibition, type LabelledAlert } from './inhibition.ts';
import { matchesAll, parseMatchers, type Labels, type Matcher } from './matchers.ts';
import type { CompiledRouting } from './routing-tree.ts';
import type { AlertsTable, SilencesTable } from './schema.ts';
import { activeSilences, addAlertEvent, alertsDb } from './store.ts';

export interface MuteSources {
  silences: { row: SilencesTable; matchers: Matcher[] }[];
  firing: LabelledAlert[];
  routing: CompiledRouting;
}

/** What can mute an alert right now: active silences and, when inhibition rules exist, the firing alerts. */
export async function loadMuteSources(ctx: Ctx, routing: CompiledRouting): Promise<MuteSources> {
  const now = ctx.clock.now();
  const silences = (await activeSilences(ctx.db, ctx.orgId, now)).map((row) => ({ row, matchers: parseMatchers(JSON.parse(row.matchers)) }));
  const firing =
    routing.inhibitRules.length === 0
      ? []
      : (await alertsDb(ctx.db).selectFrom('alerts').select(['id', 'labels']).where('org_id', '=', ctx.orgId).where('status', '=', 'firing').execute()).map((a) => ({
          id: a.id,
          labels: JSON.parse(a.labels) as Labels,
        }));
  return { silences, firing, routing };
}

export function mutesOf(sources: MuteSources, alert: LabelledAlert): { silencedBy: string[]; inhibitions: Inhibition[] } {
  return {
    silencedBy: sources.silences.filter((s) => matchesAll(s.matchers, alert.labels)).map((s) => s.row.id),
    inhibitions: inhibitionsOf(sources.routing.inhibitRules, alert, sources.firing),
  };
}

/**
 * Records on each alert which silences and inhibiting alerts mute it now, with an event when that
 * changes, and returns the alerts as recorded. Runs in its own transaction before the flush locks its group, so the lock order stays
 * alert, then group.
 */
export async function recordMutes<A extends AlertsTable>(ctx: Ctx, alerts: A[], routing: CompiledRouting): Promise<A[]> {
  if (alerts.length === 0) return alerts;
  const sources = await loadMuteSources(ctx, routing);
  const changes: { alert: AlertsTable; silencedBy: string; inhibitedBy: string }[] = [];
  for (const alert of alerts) {
    const { silencedBy, inhibitions } = mutesOf(sources, { id: alert.id, labels: JSON.parse(alert.labels) });
    const silenced = JSON.stringify(silencedBy.sort());
    const inhibited = JSON.stringify([...new Set(inhibitions.flatMap((i) => i.sourceIds))].sort());
    if (silenced !== alert.silenced_by || inhibited !== alert.inhibited_by) changes.push({ alert, silencedBy: silenced, inhibitedBy: inhibited });
  }
  if (changes.length === 0) return alerts;
  await inTransaction(ctx, async (tx) => {
    const q = alertsDb(tx.db);
    for (const { alert, silencedBy, inhibitedBy } of changes) {
      await q.updateTable('alerts').set({ silenced_by: silencedBy, inhibited_by: inhibitedBy }).where('id', '=', alert.id).execute();
      if (silencedBy !== alert.silenced_by) await addAlertEvent(tx, alert, silencedBy === '[]' ? 'unsilenced' : 'silenced', { silencedBy: JSON.parse(silencedBy) });
      if (inhibitedBy !== alert.inhibited_by) await addAlertEvent(tx, alert, inhibitedBy === '[]' ? 'uninhibited' : 'inhibited', { inhibitedBy: JSON.parse(inhibitedBy) });
    }
  });
  const changed = new Map(changes.map((c) => [c.alert.id, c]));
  return alerts.map((a) => {
    const c = changed.get(a.id);
    return c ? { ...a, silenced_by: c.silencedBy, inhibited_by: c.inhibitedBy } : a;
  });
}
