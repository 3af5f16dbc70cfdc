import { describe, expect, it } from 'vitest';
import type { StatusPageComponentsTable, StatusPageIncidentsTable, StatusPageIncidentUpdatesTable, StatusPageMaintenancesTable, StatusPagesTable } from '../schema.ts';
import { renderFeed } from './render-feed.ts';
import { renderStatusJson } from './render-json.ts';
import { renderPage } from './render-page.ts';
import { buildView, dayKeys, type ViewSources } from './view.ts';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const XSS = '<script>alert("x")</script>';

const page = (over: Partial<StatusPagesTable> = {}): StatusPagesTable => ({
  id: 'p1',
  org_id: 'o1',
  slug: 'acme',
  title: 'Acme',
  description: null,
  logo_url: null,
  brand_color: '#ffffff',
  accent_color: '#ffff00',
  custom_domain: null,
  password_hash: null,
  cookie_secret: 's',
  published: 1,
  show_uptime: 1,
  created_at: NOW - 100 * DAY,
  updated_at: NOW - 100 * DAY,
  ...over,
});
const component = (id: string, monitorIds: string[], over: Partial<StatusPageComponentsTable> = {}): StatusPageComponentsTable => ({
  id,
  org_id: 'o1',
  page_id: 'p1',
  name: id.toUpperCase(),
  description: null,
  position: 0,
  group_name: null,
  monitor_ids: JSON.stringify(monitorIds),
  created_at: NOW - 50 * DAY,
  updated_at: NOW - 50 * DAY,
  ...over,
});
const incident = (id: string, over: Partial<StatusPageIncidentsTable> = {}): StatusPageIncidentsTable => ({
  id,
  org_id: 'o1',
  page_id: 'p1',
  incident_id: null,
  title: `Incident ${id}`,
  impact: 'minor',
  status: 'investigating',
  component_ids: '[]',
  started_at: NOW - HOUR,
  resolved_at: null,
  update_count: 1,
  created_at: NOW - HOUR,
  updated_at: NOW - HOUR,
  ...over,
});
const update = (incidentId: string, status: StatusPageIncidentUpdatesTable['status'], message: string, at: number): StatusPageIncidentUpdatesTable => ({
  id: `${incidentId}-${at}`,
  org_id: 'o1',
  page_incident_id: incidentId,
  seq: at,
  status,
  message,
  at,
  created_at: at,
});
const notice = (id: string, startsAt: number, endsAt: number, componentIds: string[] = []): StatusPageMaintenancesTable => ({
  id,
  org_id: 'o1',
  page_id: 'p1',
  title: `Maintenance ${id}`,
  description: null,
  starts_at: startsAt,
  ends_at: endsAt,
  component_ids: JSON.stringify(componentIds),
  created_at: NOW - 2 * DAY,
  updated_at: NOW - 2 * DAY,
});

function sources(over: Partial<ViewSources> = {}): ViewSources {
  return {
    page: page(),
    components: [],
    incidents: [],
    updates: new Map(),
    maintenance: [],
    monitorMaintenance: [],
    states: new Map(),
    uptime: new Map(),
    now: NOW,
    ...over,
  };
}

const barsOf = (html: string, name: string) => {
  const item = html.split('<li class=component>').find((part) => part.includes(`<span class=name>${name}</span>`))!;
  return [...item.matchAll(/<span class=(\w+) title="([^"]+)"><\/span>/g)].map((m) => ({ cls: m[1], title: m[2] }));
};

describe('status page rendering', () => {
  it('shows each component at the worst of its monitors and the overall banner', () => {
    const view = buildView(
      sources({
        components: [component('api', ['m1', 'm2']), component('web', ['m3']), component('jobs', ['m4'])],
        states: new Map([
          ['m1', { state: 'up', name: 'm1' }],
          ['m2', { state: 'down', name: 'm2' }],
          ['m3', { state: 'up', name: 'm3' }],
          ['m4', { state: 'paused', name: 'm4' }],
        ]),
      }),
    );
    expect(view.components.map((c) => c.status)).toEqual(['down', 'up', 'nodata']);
    const html = renderPage(view, '/status/acme');
    expect(html).toContain('<section class="banner k-partial"');
    expect(html).toContain('Partial outage');
    expect(html).toMatch(/<span class=name>API<\/span><span class="st st-down">Outage<\/span>/);
    expect(html).toMatch(/<span class=name>JOBS<\/span><span class="st st-nodata">No data<\/span>/);
  });

  it('draws 90 daily bars coloured by uptime, grey without data, with a tooltip per day', () => {
    const days = dayKeys(NOW, 90);
    const values = days.map((day, i) => ({ day, uptime: i === 89 ? 1 : i === 88 ? 0.995 : i === 87 ? 0.96 : i === 86 ? 0.5 : null }));
    const view = buildView(sources({ components: [component('api', ['m1'])], states: new Map([['m1', { state: 'up', name: 'm1' }]]), uptime: new Map([['m1', values]]) }));
    const bars = barsOf(renderPage(view, '/status/acme'), 'API');
    expect(bars).toHaveLength(90);
    expect(bars.slice(-4).map((b) => b.cls)).toEqual(['major', 'partial', 'minor', 'ok']);
    expect(bars[0]).toEqual({ cls: 'none', title: '25 Aug 2026: no data' });
    expect(bars[89]).toEqual({ cls: 'ok', title: '22 Nov 2026: 100%' });
    expect(bars[88].title).toBe('21 Nov 2026: 99.50%');
    expect(view.components[0].uptimeTotal).toBeCloseTo((1 + 0.995 + 0.96 + 0.5) / 4);
  });

  it('omits the bars when the page hides uptime', () => {
    const view = buildView(sources({ page: page({ show_uptime: 0 }), components: [component('api', ['m1'])] }));
    expect(renderPage(view, '/status/acme')).not.toContain('class=bars');
  });

  it('escapes every string people typed', () => {
    const view = buildView(
      sources({
        page: page({ title: XSS, description: XSS, logo_url: 'https://x.test/a.png?"><script>' }),
        components: [component('api', [], { name: XSS, description: XSS, group_name: XSS })],
        incidents: [incident('i1', { title: XSS, component_ids: '["api"]' })],
        updates: new Map([['i1', [update('i1', 'investigating', XSS, NOW - HOUR)]]]),
        maintenance: [{ ...notice('n1', NOW + DAY, NOW + 2 * DAY), title: XSS, description: XSS }],
      }),
    );
    const html = renderPage(view, '/status/acme');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<img src="https://x.test/a.png?&quot;&gt;&lt;script&gt;" alt="">');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    for (const format of ['atom', 'rss'] as const) expect(renderFeed(view, 'https://status.test/status/acme', format)).not.toContain('<script>');
  });

  it('lists active incidents with their updates apart from the last 14 days of resolved ones', () => {
    const view = buildView(
      sources({
        components: [component('api', [])],
        incidents: [
          incident('open', { impact: 'major', component_ids: '["api"]' }),
          incident('done', { status: 'resolved', started_at: NOW - 3 * DAY, resolved_at: NOW - 3 * DAY + HOUR }),
          incident('old', { status: 'resolved', started_at: NOW - 20 * DAY, resolved_at: NOW - 20 * DAY + HOUR }),
        ],
        updates: new Map([
          ['open', [update('open', 'identified', 'Found it', NOW - 10 * 60_000), update('open', 'investigating', 'Looking', NOW - HOUR)]],
          ['done', [update('done', 'resolved', 'Fixed', NOW - 3 * DAY + HOUR)]],
        ]),
      }),
    );
    expect(view.activeIncidents.map((i) => i.id)).toEqual(['open']);
    expect(view.pastIncidents.map((i) => i.id)).toEqual(['done']);
    expect(view.overall.kind).toBe('major');
    const html = renderPage(view, '/status/acme');
    const active = html.slice(html.indexOf('id=active-h'), html.indexOf('id=components-h'));
    expect(active).toContain('Incident open');
    expect(active).toContain('Affects: API');
    expect(active.indexOf('Found it')).toBeLessThan(active.indexOf('Looking'));
    expect(active).toContain('<time datetime="2026-11-22T11:50:00.000Z">22 Nov 2026, 11:50 UTC</time>');
    const past = html.slice(html.indexOf('id=past-h'));
    expect(past.match(/<h3><time datetime="\d{4}-\d\d-\d\d">/g)).toHaveLength(14);
    expect(past).toContain('<h3><time datetime="2026-11-19">19 Nov 2026</time></h3><article class="incident imp-minor" id="incident-done">');
    expect(past).toContain('No incidents reported.');
    expect(html).not.toContain('Incident old');
  });

  it('shows maintenance notices and marks components under maintenance while one runs', () => {
    const view = buildView(
      sources({
        components: [component('api', ['m1']), component('web', ['m2'])],
        states: new Map([
          ['m1', { state: 'up', name: 'm1' }],
          ['m2', { state: 'up', name: 'm2' }],
        ]),
        maintenance: [notice('now', NOW - HOUR, NOW + HOUR, ['api']), notice('later', NOW + DAY, NOW + DAY + HOUR, ['web'])],
      }),
    );
    expect(view.components.map((c) => c.status)).toEqual(['maintenance', 'up']);
    expect(view.overall.kind).toBe('maintenance');
    const html = renderPage(view, '/status/acme');
    expect(html).toContain('Under maintenance');
    expect(html).toMatch(/Maintenance now<\/h3><p class=meta><span class=badge>In progress<\/span>/);
    expect(html).toMatch(/Maintenance later<\/h3><p class=meta><span class="badge badge-soon">Scheduled<\/span>/);
  });

  it('keeps header text and links readable whatever the brand colours', () => {
    const html = renderPage(buildView(sources()), '/status/acme');
    expect(html).toContain('--brand:#ffffff;--brand-text:#111827;');
    expect(html).not.toContain('--accent:#ffff00');
  });
});

describe('status.json', () => {
  it('has the Statuspage summary shape', () => {
    const view = buildView(
      sources({
        components: [component('api', ['m1'], { group_name: 'Core', position: 3 }), component('web', [])],
        states: new Map([['m1', { state: 'degraded', name: 'm1' }]]),
        incidents: [incident('i1', { impact: 'critical' })],
        updates: new Map([['i1', [update('i1', 'investigating', 'Looking', NOW - HOUR)]]]),
        maintenance: [notice('n1', NOW + DAY, NOW + 2 * DAY, ['web'])],
      }),
    );
    const json = JSON.parse(renderStatusJson(view, 'https://status.test/status/acme'));
    expect(json.page).toMatchObject({ id: 'p1', name: 'Acme', url: 'https://status.test/status/acme', time_zone: 'Etc/UTC' });
    expect(json.status).toEqual({ indicator: 'critical', description: 'Critical outage' });
    expect(json.components).toEqual([
      expect.objectContaining({ id: 'api', name: 'API', status: 'degraded_performance', position: 3, group_name: 'Core' }),
      expect.objectContaining({ id: 'web', status: 'no_data' }),
    ]);
    expect(json.incidents[0]).toMatchObject({ id: 'i1', status: 'investigating', impact: 'critical', incident_updates: [{ status: 'investigating', body: 'Looking' }] });
    expect(json.scheduled_maintenances[0]).toMatchObject({ id: 'n1', status: 'scheduled', components: [{ id: 'web', name: 'WEB' }] });
  });
});

describe('feeds', () => {
  const view = buildView(
    sources({
      incidents: [incident('i1', { title: 'DB slow' })],
      updates: new Map([['i1', [update('i1', 'monitoring', 'Fix deployed', NOW - 60_000), update('i1', 'investigating', 'Looking', NOW - HOUR)]]]),
      maintenance: [notice('n1', NOW + DAY, NOW + 2 * DAY)],
    }),
  );

  it('lists incident updates and maintenance as Atom entries, newest first', () => {
    const atom = renderFeed(view, 'https://status.test/status/acme', 'atom');
    expect(atom).toMatch(/^<\?xml/);
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    const titles = [...atom.matchAll(/<entry>\s*<title type="html"><!\[CDATA\[(.*?)\]\]><\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual(['DB slow: Monitoring', 'DB slow: Investigating', 'Scheduled maintenance: Maintenance n1']);
    expect(atom).toContain('<link href="https://status.test/status/acme#incident-i1"/>');
  });

  it('renders RSS 2.0 with the same items', () => {
    const rss = renderFeed(view, 'https://status.test/status/acme', 'rss');
    expect(rss).toContain('<rss version="2.0"');
    expect(rss.match(/<item>/g)).toHaveLength(3);
  });
});
