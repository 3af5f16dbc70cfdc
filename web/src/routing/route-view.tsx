import { Link } from 'wouter';
import { routeName } from './document.ts';
import type { RouteNode } from './types.ts';

const DURATIONS = [
  ['group_wait', 'Group wait'],
  ['group_interval', 'Group interval'],
  ['repeat_interval', 'Repeat interval'],
] as const;

/** A route read-only, compactly: what it matches, who it notifies, and only the settings it sets itself. */
export function RouteView({ route, path, nameOf }: { route: RouteNode; path: string; nameOf: (id: string) => string }) {
  const root = path === '';
  const at = (key: string) => (root ? key : `${path}.${key}`);
  const children = route.routes ?? [];
  return (
    <section className="route-node route-view" data-root={root || undefined} aria-label={routeName(path)}>
      <div className="route-view-head">
        <span className="route-title">{routeName(path)}</span>
        <code className="small route-summary">{root ? 'matches every alert' : route.matchers?.join(', ') || 'matches every alert'}</code>
        {route.continue && <span className="tag">continue</span>}
      </div>
      <div className="route-body">
        <dl className="kv">
          <dt>Receivers</dt>
          <dd>{route.receivers === undefined ? <span className="muted">same as the parent</span> : route.receivers.length ? route.receivers.map(nameOf).join(', ') : <span className="error-text">none</span>}</dd>
          {route.group_by && (
            <>
              <dt>Group by</dt>
              <dd>{route.group_by.join(', ') || 'nothing'}</dd>
            </>
          )}
          {DURATIONS.filter(([k]) => route[k] !== undefined).map(([k, label]) => (
            <div key={k} style={{ display: 'contents' }}>
              <dt>{label}</dt>
              <dd>{String(route[k])}</dd>
            </div>
          ))}
          {route.escalation_policy && (
            <>
              <dt>Escalation</dt>
              <dd>
                <Link href={`/escalation-policies/${route.escalation_policy}`}>{route.escalation_policy}</Link>
              </dd>
            </>
          )}
        </dl>
        {children.length > 0 && (
          <div className="route-children">
            {children.map((child, i) => (
              <RouteView key={i} route={child} path={`${at('routes')}.${i}`} nameOf={nameOf} />
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
