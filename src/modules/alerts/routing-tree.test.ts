import { describe, expect, it } from 'vitest';
import { inhibitionsOf } from './inhibition.ts';
import { validateRoutingDocument, type RoutingDocument } from './routing-document.ts';
import { compileRouting, groupKeyOf, matchRoutes } from './routing-tree.ts';

function compile(doc: unknown) {
  const checked = validateRoutingDocument(doc);
  if ('issues' in checked) throw new Error(JSON.stringify(checked.issues));
  return compileRouting(checked.document, 1);
}

const paths = (doc: RoutingDocument, labels: Record<string, string>) => matchRoutes(compile(doc).root, labels).map((r) => r.path);

describe('matchRoutes', () => {
  const doc: RoutingDocument = {
    receivers: ['default'],
    routes: [
      { matchers: ['team="db"'], receivers: ['db-pager'], routes: [{ matchers: ['severity="critical"'], receivers: ['db-phone'] }] },
      { matchers: ['env="prod"'], receivers: ['prod'], continue: true },
      { matchers: ['env=~"prod|staging"'], receivers: ['prod-or-staging'] },
      { matchers: ['env="prod"'], receivers: ['never-reached'] },
    ],
  };

  it('stops at the first matching sibling without continue', () => {
    expect(paths(doc, { team: 'db', env: 'prod' })).toEqual(['routes.0']);
  });

  it('goes on to later siblings after a route with continue', () => {
    expect(paths(doc, { env: 'prod' })).toEqual(['routes.1', 'routes.2']);
  });

  it('picks the deepest matching route, else the parent itself', () => {
    expect(paths(doc, { team: 'db', severity: 'critical' })).toEqual(['routes.0.routes.0']);
    expect(paths(doc, { team: 'db', severity: 'warning' })).toEqual(['routes.0']);
  });

  it('falls back to the root when no child matches', () => {
    expect(paths(doc, { env: 'dev' })).toEqual(['']);
  });

  it('inherits receivers, grouping and timings from the parent unless set', () => {
    const tree = compile({
      receivers: ['root'],
      group_by: ['alertname'],
      group_wait: '10s',
      group_interval: '1m',
      repeat_interval: '2h',
      escalation_policy: 'ep-root',
      routes: [
        { matchers: ['team=a'], group_wait: '0s', routes: [{ matchers: ['env=prod'], receivers: ['a-prod'], group_by: ['...'] }] },
        { matchers: ['team=b'], escalation_policy: null, repeat_interval: 90 },
      ],
    });
    const [a] = matchRoutes(tree.root, { team: 'a', env: 'prod' });
    expect(a).toMatchObject({ receivers: ['a-prod'], groupBy: 'all', groupWait: 0, groupInterval: 60_000, repeatInterval: 7_200_000, escalationPolicy: 'ep-root' });
    const [b] = matchRoutes(tree.root, { team: 'b' });
    expect(b).toMatchObject({ receivers: ['root'], groupBy: ['alertname'], groupWait: 10_000, repeatInterval: 90_000, escalationPolicy: null });
  });

  it("uses Alertmanager's defaults at the root", () => {
    expect(compile({ receivers: ['x'] }).root).toMatchObject({ groupBy: [], groupWait: 30_000, groupInterval: 300_000, repeatInterval: 14_400_000, escalationPolicy: null });
  });

  it('keys groups by route and group-by values; labels the alert lacks are left out', () => {
    const tree = compile({ receivers: ['x'], group_by: ['alertname', 'env'], routes: [{ matchers: ['team="a"'] }, { matchers: ['team="a"'], group_by: ['...'] }] });
    const [first] = matchRoutes(tree.root, { alertname: 'Down', team: 'a', host: 'h1' });
    expect(groupKeyOf(first, { alertname: 'Down', team: 'a', host: 'h1' })).toBe('{}/{team="a"}/0:{alertname="Down"}');
    const root = tree.root;
    expect(groupKeyOf(root, { alertname: 'Down', env: 'prod', x: '1' })).toBe('{}:{alertname="Down",env="prod"}');
    expect(groupKeyOf(tree.root.routes[1], { team: 'a', host: 'h1' })).toBe('{}/{team="a"}/1:{host="h1",team="a"}');
  });
});

describe('validateRoutingDocument', () => {
  it('reports every problem with its path', () => {
    const result = validateRoutingDocument({
      receivers: ['x'],
      group_by: ['...', 'env'],
      group_wait: 'soon',
      routes: [
        { matchers: ['env="prod"'], group_interval: '0s' },
        { matchers: ['env=prod', 'service=~"("', 'team'], routes: [{ receivers: 'nope' }] },
        { matcher: ['typo'] },
      ],
      inhibit_rules: [{ source_matchers: ['severity=critical'], target_matchers: [], equal: ['dc', 'not a label'] }],
    });
    expect('issues' in result).toBe(true);
    const found = 'issues' in result ? result.issues.map((i) => i.path).sort() : [];
    expect(found).toEqual(
      [
        'group_by',
        'group_wait',
        'routes.0.group_interval',
        'routes.1.matchers.1',
        'routes.1.matchers.2',
        'routes.1.routes.0.receivers',
        'routes.2',
        'inhibit_rules.0.target_matchers',
        'inhibit_rules.0.equal.1',
      ].sort(),
    );
  });

  it('requires root receivers and refuses matchers on the root', () => {
    const result = validateRoutingDocument({ matchers: ['a=b'] });
    expect('issues' in result && result.issues.map((i) => i.path).sort()).toEqual(['', 'receivers']);
  });

  it('accepts durations as Prometheus strings or seconds', () => {
    expect('document' in validateRoutingDocument({ receivers: [], group_wait: 0, group_interval: '1h30m', repeat_interval: '1d' })).toBe(true);
  });
});

describe('inhibitionsOf', () => {
  const tree = compile({
    receivers: ['x'],
    inhibit_rules: [
      { source_matchers: ['alertname="DatacentreDown"'], target_matchers: ['alertname="HostDown"'], equal: ['dc'] },
      { source_matchers: ['severity="critical"'], target_matchers: ['severity=~"critical|warning"'], equal: ['service'] },
    ],
  });
  const dc = { id: 'dc1', labels: { alertname: 'DatacentreDown', dc: 'lon' } };

  it('lets a firing source suppress targets with equal labels', () => {
    expect(inhibitionsOf(tree.inhibitRules, { id: 'h1', labels: { alertname: 'HostDown', dc: 'lon' } }, [dc])).toEqual([{ rule: 'inhibit_rules.0', sourceIds: ['dc1'] }]);
    expect(inhibitionsOf(tree.inhibitRules, { id: 'h2', labels: { alertname: 'HostDown', dc: 'ams' } }, [dc])).toEqual([]);
  });

  it('counts a label missing on both sides as equal', () => {
    expect(inhibitionsOf(tree.inhibitRules, { id: 'h3', labels: { alertname: 'HostDown' } }, [{ id: 'dc2', labels: { alertname: 'DatacentreDown' } }])).toHaveLength(1);
  });

  it('does not let alerts matching both sides inhibit each other', () => {
    const a = { id: 'a', labels: { severity: 'critical', service: 'api' } };
    const b = { id: 'b', labels: { severity: 'critical', service: 'api' } };
    const w = { id: 'w', labels: { severity: 'warning', service: 'api' } };
    expect(inhibitionsOf(tree.inhibitRules, a, [a, b])).toEqual([]);
    expect(inhibitionsOf(tree.inhibitRules, w, [a, b])).toEqual([{ rule: 'inhibit_rules.1', sourceIds: ['a', 'b'] }]);
  });
});
