import { assertCan, type Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { formatDuration } from './durations.ts';
import { loadMuteSources, mutesOf } from './mutes.ts';
import { validateRoutingDocument } from './routing-document.ts';
import { compileRouting, groupKeyOf, matchRoutes } from './routing-tree.ts';
import type { RouteTestInput, RouteTestResult } from './schemas.ts';
import { alertsDb, currentRouting, iso } from './store.ts';

/**
 * Answers where an alert with these labels would go: the matching routes (with their inherited
 * settings and the group key), and the silences and firing alerts that would mute it now.
 * `document` tests an unsaved routing document.
 */
export async function testRoutes({ ctx, input }: { ctx: Ctx; input: RouteTestInput }): Promise<RouteTestResult> {
  assertCan(ctx, 'read');
  let version: number | null;
  let routing;
  if (input.document) {
    const checked = validateRoutingDocument(input.document);
    if ('issues' in checked) throw new ValidationError(checked.issues.map((i) => ({ ...i, path: i.path ? `document.${i.path}` : 'document' })));
    routing = compileRouting(checked.document, -1);
    version = null;
  } else {
    const current = await currentRouting(ctx.db, ctx.orgId);
    routing = current.compiled;
    version = current.version;
  }
  const labels = input.labels;
  const routes = matchRoutes(routing.root, labels).map((r) => ({
    path: r.path,
    routeId: r.id,
    receivers: r.receivers,
    groupBy: r.groupBy === 'all' ? ['...'] : r.groupBy,
    groupKey: groupKeyOf(r, labels),
    groupWait: formatDuration(r.groupWait),
    groupInterval: formatDuration(r.groupInterval),
    repeatInterval: formatDuration(r.repeatInterval),
    escalationPolicy: r.escalationPolicy,
    continue: r.continue,
  }));
  const sources = await loadMuteSources(ctx, routing);
  const mutes = mutesOf(sources, { id: '', labels });
  const sourceIds = [...new Set(mutes.inhibitions.flatMap((i) => i.sourceIds))];
  const keys = new Map(
    sourceIds.length === 0
      ? []
      : (await alertsDb(ctx.db).selectFrom('alerts').select(['id', 'dedup_key']).where('org_id', '=', ctx.orgId).where('id', 'in', sourceIds).execute()).map((a) => [a.id, a.dedup_key]),
  );
  return {
    version,
    routes,
    silencedBy: sources.silences
      .filter((s) => mutes.silencedBy.includes(s.row.id))
      .map((s) => ({ id: s.row.id, matchers: JSON.parse(s.row.matchers), endsAt: iso(s.row.ends_at)!, createdBy: s.row.created_by, comment: s.row.comment })),
    inhibitedBy: mutes.inhibitions.map((i) => ({ rule: i.rule, alerts: i.sourceIds.map((id) => ({ id, dedupKey: keys.get(id) ?? id })) })),
    muted: mutes.silencedBy.length > 0 || mutes.inhibitions.length > 0,
  };
}
