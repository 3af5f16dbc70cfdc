import { Link } from 'wouter';
import { useFetch } from '../api/use-fetch.ts';
import type { RouteNode, RoutingState } from '../routing/types.ts';

/** The routes that name the policy (and so open incidents paged through it), by their matchers. */
function routesNaming(node: RouteNode, id: string, path = 'root'): string[] {
  const here = node.escalation_policy === id ? [path === 'root' ? 'the root route (every alert)' : (node.matchers ?? []).join(', ') || path] : [];
  return [...here, ...(node.routes ?? []).flatMap((child, i) => routesNaming(child, id, `${path === 'root' ? 'routes' : `${path}.routes`}.${i}`))];
}

export function PolicyUsage({ policyId }: { policyId: string }) {
  const fetched = useFetch<RoutingState>('/routes');
  if (!fetched.data) return null;
  const used = routesNaming(fetched.data.document, policyId);
  return (
    <p className="small muted" style={{ margin: 0 }}>
      {used.length === 0 ? (
        <>
          No route names this policy yet: set <code>escalation_policy</code> on a route in <Link href="/routes">Routes</Link> to page through it.
        </>
      ) : (
        <>
          Paged by <Link href="/routes">routes</Link> matching: {used.map((u) => <code key={u} className="route-ref">{u}</code>)}
        </>
      )}
    </p>
  );
}
