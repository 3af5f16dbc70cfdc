import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from './helpers/databases.ts';
import { alertsByKey, createHook, deliveriesOf, fixture, integrationHarness, post, type IntegrationHarness } from './integrations-helpers.ts';

const ACCEPTED = { status: 'success', message: 'Event processed' };
const withKey = (file: string, routingKey: string) => Buffer.from(fixture(file).toString().replace('ROUTING_KEY', routingKey));

describeEachDialect('PagerDuty Events API v2 endpoint', (dialect) => {
  let h: IntegrationHarness;
  let n = 0;
  beforeAll(async () => {
    h = await integrationHarness(dialect);
  });
  afterAll(() => h.close());

  async function setup() {
    const org = await h.newOrg(`pd-${dialect}-${++n}`);
    const hook = await createHook(h.app, org, { name: 'Legacy monitoring', type: 'pagerduty-events', labels: { team: 'ops' } });
    return { org, hook, enqueue: `${hook.path}/v2/enqueue`, key: (dedup: string) => `pd:${hook.id}:${dedup}` };
  }

  it('triggers, acknowledges and resolves by dedup_key, answering 202 as PagerDuty does', async () => {
    const { org, hook, enqueue, key } = await setup();
    const trigger = await post(h.app, enqueue, fixture('pagerduty/docs-trigger.json'));
    expect(trigger.statusCode).toBe(202);
    expect(trigger.json()).toEqual({ ...ACCEPTED, dedup_key: 'srv01/mysql' });
    let alert = (await alertsByKey(org.ctx)).get(key('srv01/mysql'))!;
    expect(alert).toMatchObject({
      status: 'firing',
      severity: 'critical',
      labels: { alertname: 'disk', source: 'prod-datapipe03.example.com', component: 'mysql', group: 'prod-datapipe', class: 'disk', severity: 'critical', team: 'ops' },
      annotations: { summary: 'DISK at 99% on machine prod-datapipe03.example.com', client: 'Sample Monitoring Service', dedup_key: 'srv01/mysql' },
      startsAt: '2015-07-17T08:42:58.315Z',
      generatorUrl: 'https://monitoring.service.com',
    });
    expect(JSON.parse(alert.annotations.details)).toEqual({ 'free space': '1%', 'ping time': '1500ms', 'load avg': 0.75 });
    expect(alert.annotations.links).toBe('An example link.: http://pagerduty.example.com');

    const ack = await post(h.app, enqueue, fixture('pagerduty/docs-acknowledge.json'));
    expect([ack.statusCode, ack.json()]).toEqual([202, { ...ACCEPTED, dedup_key: 'srv01/mysql' }]);
    alert = (await alertsByKey(org.ctx)).get(key('srv01/mysql'))!;
    expect(alert).toMatchObject({ status: 'firing', acknowledgedAt: expect.any(String), acknowledgedBy: 'integration "Legacy monitoring"' });

    const resolve = await post(h.app, enqueue, fixture('pagerduty/docs-resolve.json'));
    expect(resolve.statusCode).toBe(202);
    expect((await alertsByKey(org.ctx)).get(key('srv01/mysql'))!.status).toBe('resolved');
    expect((await deliveriesOf(h.app, org, hook.id)).map((d) => [d.event, d.status])).toEqual([
      ['resolve', 202],
      ['acknowledge', 202],
      ['trigger', 202],
    ]);
  });

  it('takes the routing key from the body at /v2/enqueue, as a PagerDuty client configured with a custom URL sends it', async () => {
    const { org, hook, key } = await setup();
    const res = await post(h.app, '/v2/enqueue', withKey('pagerduty/docs-trigger.json', hook.token));
    expect([res.statusCode, res.json().dedup_key]).toEqual([202, 'srv01/mysql']);
    expect((await alertsByKey(org.ctx)).has(key('srv01/mysql'))).toBe(true);

    const unknown = await post(h.app, '/v2/enqueue', withKey('pagerduty/docs-trigger.json', 'ffffffffffffffffffffffffffffffff'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ status: 'invalid event' });
    const missing = await post(h.app, '/v2/enqueue', { event_action: 'trigger', payload: { summary: 's', source: 'x', severity: 'info' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ status: 'invalid event', errors: ["'routing_key' is missing"] });
  });

  it('replays the events recorded from Alertmanager\'s PagerDuty receiver verbatim', async () => {
    const { org, enqueue } = await setup();
    const trigger = await post(h.app, enqueue, fixture('pagerduty/alertmanager-trigger.json'), { 'user-agent': 'Alertmanager/0.25.0' });
    const dedup = '17c4e445d234645c9e547ff6d32a864af0ebdadcd1902771c24c8d366637ff41';
    expect(trigger.json()).toEqual({ ...ACCEPTED, dedup_key: dedup });
    const [alert] = [...(await alertsByKey(org.ctx)).values()];
    expect(alert).toMatchObject({ status: 'firing', severity: 'error', labels: { alertname: 'PagerDutyEvent', source: 'Alertmanager' }, annotations: { summary: '[FIRING:2] DiskFull (node /var/lib/postgresql storage)', client: 'Alertmanager' } });
    expect(JSON.parse(alert.annotations.details)).toMatchObject({ num_firing: '2' });
    const resolve = await post(h.app, enqueue, fixture('pagerduty/alertmanager-resolve.json'));
    expect(resolve.json()).toEqual({ ...ACCEPTED, dedup_key: dedup });
    expect((await alertsByKey(org.ctx)).get(alert.dedupKey)!.status).toBe('resolved');
  });

  it('makes up a dedup_key for a trigger without one, the same for a retried trigger', async () => {
    const { org, enqueue } = await setup();
    const event = { event_action: 'trigger', payload: { summary: 'Backup of orders-db failed', source: 'backup-runner-2', severity: 'error' } };
    const first = await post(h.app, enqueue, event);
    const retry = await post(h.app, enqueue, event);
    expect(first.json().dedup_key).toMatch(/^[0-9a-f]{32}$/);
    expect(retry.json()).toEqual(first.json());
    expect((await alertsByKey(org.ctx)).size).toBe(1);
  });

  it('applies an identical trigger again after the alert was resolved in between', async () => {
    const { org, enqueue, key } = await setup();
    await post(h.app, enqueue, fixture('pagerduty/docs-trigger.json'));
    await post(h.app, enqueue, fixture('pagerduty/docs-resolve.json'));
    const again = await post(h.app, enqueue, fixture('pagerduty/docs-trigger.json'));
    expect(again.statusCode).toBe(202);
    expect((await alertsByKey(org.ctx)).get(key('srv01/mysql'))).toMatchObject({ status: 'firing', episode: 2 });
  });

  it('accepts acknowledge and resolve for keys it does not know, as PagerDuty does, and changes nothing', async () => {
    const { org, enqueue } = await setup();
    for (const event_action of ['acknowledge', 'resolve']) {
      const res = await post(h.app, enqueue, { event_action, dedup_key: 'never-triggered' });
      expect([res.statusCode, res.json()]).toEqual([202, { ...ACCEPTED, dedup_key: 'never-triggered' }]);
    }
    expect((await alertsByKey(org.ctx)).size).toBe(0);
  });

  it('answers invalid events with 400 "invalid event" listing every problem', async () => {
    const { org, enqueue, hook } = await setup();
    const bad = await post(h.app, enqueue, { event_action: 'trigger', payload: { summary: ' ', severity: 'fatal' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      status: 'invalid event',
      message: 'Event object is invalid',
      errors: expect.arrayContaining([expect.stringContaining("'payload.summary'"), expect.stringContaining("'payload.source'"), expect.stringContaining("'payload.severity'")]),
    });
    expect(bad.json().errors).toHaveLength(3);
    const noKey = await post(h.app, enqueue, { event_action: 'acknowledge' });
    expect(noKey.json()).toMatchObject({ status: 'invalid event', errors: ["'dedup_key' is required for acknowledge events"] });
    const action = await post(h.app, enqueue, { event_action: 'page', dedup_key: 'x' });
    expect(action.json().errors).toEqual(["'event_action' must be one of trigger, acknowledge, resolve"]);
    const noPayload = await post(h.app, enqueue, { event_action: 'trigger' });
    expect(noPayload.json().errors).toEqual(["'payload' is required for trigger events"]);
    const malformed = await post(h.app, enqueue, '{"event_action": "trigger",');
    expect([malformed.statusCode, malformed.json().status]).toEqual([400, 'invalid event']);
    expect((await alertsByKey(org.ctx)).size).toBe(0);
    const deliveries = await deliveriesOf(h.app, org, hook.id);
    expect(deliveries).toHaveLength(5);
    expect(deliveries.every((d) => d.status === 400 && d.outcome === 'rejected' && d.error)).toBe(true);
  });

  it('does not answer its URL for an integration of another type', async () => {
    const org = await h.newOrg(`pd-${dialect}-${++n}`);
    const am = await createHook(h.app, org, { name: 'am', type: 'alertmanager' });
    const res = await post(h.app, `${am.path}/v2/enqueue`, fixture('pagerduty/docs-trigger.json'));
    expect(res.statusCode).toBe(404);
    expect((await post(h.app, '/v2/enqueue', withKey('pagerduty/docs-trigger.json', am.token))).statusCode).toBe(404);
    expect((await alertsByKey(org.ctx)).size).toBe(0);
  });
});
