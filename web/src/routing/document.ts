import type { InhibitRule, RouteNode, RoutingDocument } from './types.ts';

const ROUTE_KEYS = ['matchers', 'continue', 'receivers', 'group_by', 'group_wait', 'group_interval', 'repeat_interval', 'escalation_policy', 'routes'] as const;

const list = (v: string[] | undefined) => v?.map((s) => s.trim()).filter(Boolean);

function cleanRoute(r: RouteNode, root: boolean): RouteNode {
  const out: RouteNode = {};
  for (const key of ROUTE_KEYS) {
    const v = r[key];
    if (v === undefined || v === '') continue;
    if (key === 'matchers' || key === 'group_by') {
      const items = list(v as string[]);
      if (items?.length) out[key] = items;
    } else if (key === 'routes') {
      const kids = (v as RouteNode[]).map((c) => cleanRoute(c, false));
      if (kids.length || root) out.routes = kids;
    } else if (key === 'continue') {
      if (v === true) out.continue = true;
    } else (out as Record<string, unknown>)[key] = v;
  }
  return out;
}

/**
 * The document as it is sent: blank lines and fields the editor left empty removed, so an empty
 * field means "inherit from the parent". The root always keeps its receivers.
 */
export function cleanDocument(doc: RoutingDocument): RoutingDocument {
  const rules = (doc.inhibit_rules ?? []).map((r): InhibitRule => {
    const equal = list(r.equal);
    return { source_matchers: list(r.source_matchers) ?? [], target_matchers: list(r.target_matchers) ?? [], ...(equal?.length ? { equal } : {}) };
  });
  return { ...cleanRoute(doc, true), receivers: doc.receivers ?? [], inhibit_rules: rules };
}

/** Replaces the route at `path` (`routes.1.routes.0`; empty for the root) with `update(route)`. */
export function updateAt(doc: RoutingDocument, path: string, update: (r: RouteNode) => RouteNode | null): RoutingDocument {
  if (!path) return update(doc) as RoutingDocument;
  const steps = path.split('.').filter((s) => s !== 'routes').map(Number);
  const walk = (node: RouteNode, depth: number): RouteNode => {
    const i = steps[depth];
    const kids = [...(node.routes ?? [])];
    if (depth === steps.length - 1) {
      const next = update(kids[i]);
      if (next === null) kids.splice(i, 1);
      else kids[i] = next;
    } else kids[i] = walk(kids[i], depth + 1);
    return { ...node, routes: kids };
  };
  return walk(doc, 0) as RoutingDocument;
}

/** Moves the route at `path` one place up or down among its siblings. */
export function moveAt(doc: RoutingDocument, path: string, by: -1 | 1): RoutingDocument {
  const at = path.lastIndexOf('.routes.');
  const parent = at === -1 ? '' : path.slice(0, at);
  const index = Number(path.split('.').at(-1));
  return updateAt(doc, parent, (p) => {
    const kids = [...(p.routes ?? [])];
    const target = index + by;
    if (target < 0 || target >= kids.length) return p;
    [kids[index], kids[target]] = [kids[target], kids[index]];
    return { ...p, routes: kids };
  });
}

/** `routes.1.routes.0` → "Route 2 › 1"; the root is "Root route". */
export function routeName(path: string): string {
  if (!path) return 'Root route';
  return `Route ${path
    .split('.')
    .filter((s) => s !== 'routes')
    .map((n) => Number(n) + 1)
    .join(' › ')}`;
}
