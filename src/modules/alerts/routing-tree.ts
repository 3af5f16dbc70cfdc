import { parseDuration } from './durations.ts';
import { formatLabelSet, formatMatcher, matchesAll, parseMatchers, type Labels, type Matcher } from './matchers.ts';
import type { ChildRoute, RoutingDocument } from './routing-document.ts';

export interface RouteSettings {
  receivers: string[];
  /** Label names, or `all` for `...`. */
  groupBy: string[] | 'all';
  groupWait: number;
  groupInterval: number;
  repeatInterval: number;
  escalationPolicy: string | null;
}

export interface CompiledRoute extends RouteSettings {
  /** Alertmanager-style id: the matcher chain from the root, with each route's position. */
  id: string;
  /** Where the route sits in the document: `` for the root, `routes.1.routes.0` below it. */
  path: string;
  matchers: Matcher[];
  continue: boolean;
  routes: CompiledRoute[];
}

export interface CompiledInhibitRule {
  path: string;
  source: Matcher[];
  target: Matcher[];
  equal: string[];
}

export interface CompiledRouting {
  version: number;
  root: CompiledRoute;
  inhibitRules: CompiledInhibitRule[];
  byId: Map<string, CompiledRoute>;
}

/** Alertmanager's defaults for the root route. */
export const ROOT_SETTINGS: RouteSettings = {
  receivers: [],
  groupBy: [],
  groupWait: 30_000,
  groupInterval: 5 * 60_000,
  repeatInterval: 4 * 3_600_000,
  escalationPolicy: null,
};

const ms = (v: string | number | undefined, inherited: number) => (v === undefined ? inherited : parseDuration(v)!);

function compileRoute(node: RoutingDocument | ChildRoute, parent: CompiledRoute | null, path: string, position: number, byId: Map<string, CompiledRoute>): CompiledRoute {
  const from = parent ?? ROOT_SETTINGS;
  const matchers = parseMatchers('matchers' in node ? (node.matchers ?? []) : []);
  const route: CompiledRoute = {
    id: parent ? `${parent.id}/{${matchers.map(formatMatcher).join(',')}}/${position}` : '{}',
    path,
    matchers,
    continue: 'continue' in node ? node.continue === true : false,
    receivers: node.receivers ?? from.receivers,
    groupBy: node.group_by ? (node.group_by.includes('...') ? 'all' : node.group_by) : from.groupBy,
    groupWait: ms(node.group_wait, from.groupWait),
    groupInterval: ms(node.group_interval, from.groupInterval),
    repeatInterval: ms(node.repeat_interval, from.repeatInterval),
    escalationPolicy: node.escalation_policy !== undefined ? node.escalation_policy : from.escalationPolicy,
    routes: [],
  };
  byId.set(route.id, route);
  route.routes = (node.routes ?? []).map((child, i) => compileRoute(child, route, `${path ? `${path}.` : ''}routes.${i}`, i, byId));
  return route;
}

/** Resolves inheritance once; the document must already be valid. */
export function compileRouting(doc: RoutingDocument, version: number): CompiledRouting {
  const byId = new Map<string, CompiledRoute>();
  const root = compileRoute(doc, null, '', 0, byId);
  const inhibitRules = (doc.inhibit_rules ?? []).map((r, i) => ({
    path: `inhibit_rules.${i}`,
    source: parseMatchers(r.source_matchers),
    target: parseMatchers(r.target_matchers),
    equal: r.equal ?? [],
  }));
  return { version, root, inhibitRules, byId };
}

/**
 * The routes an alert goes to, as Alertmanager decides: depth first; a matching child stops the
 * search among its siblings unless it has `continue`; a route none of whose children match is itself the match.
 */
export function matchRoutes(route: CompiledRoute, labels: Labels): CompiledRoute[] {
  if (!matchesAll(route.matchers, labels)) return [];
  const all: CompiledRoute[] = [];
  for (const child of route.routes) {
    const found = matchRoutes(child, labels);
    all.push(...found);
    if (found.length > 0 && !child.continue) break;
  }
  return all.length > 0 ? all : [route];
}

/** The alert's values for the route's `group_by` labels; labels the alert lacks are left out. */
export function groupLabels(route: RouteSettings, labels: Labels): Labels {
  if (route.groupBy === 'all') return { ...labels };
  const out: Labels = {};
  for (const name of route.groupBy) if (Object.hasOwn(labels, name)) out[name] = labels[name];
  return out;
}

export function groupKeyOf(route: CompiledRoute, labels: Labels): string {
  return `${route.id}:${formatLabelSet(groupLabels(route, labels))}`;
}

export function settingsOf(route: RouteSettings): RouteSettings {
  const { receivers, groupBy, groupWait, groupInterval, repeatInterval, escalationPolicy } = route;
  return { receivers, groupBy, groupWait, groupInterval, repeatInterval, escalationPolicy };
}
