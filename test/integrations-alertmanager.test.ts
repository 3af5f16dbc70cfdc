import { afterAll, beforeAll, expect, it } from 'vitest';
import { PRUNE_DELIVERIES_JOB, pruneDeliveries } from '../src/modules/integrations/index.ts';
import { sql } from '../src/platform/db/index.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { alertsByKey, createHook, deliveriesOf, fixture, integrationHarness, post, type IntegrationHarness } from './integrations-helpers.ts';

const BEARER = { authorization: 'Bearer am-bearer-secret-123', 'user-agent': 'Alertmanager/0.25.0' };
const DB1 = 'am:68383de0037c4259';
const DB2 = 'am:982e9a8df7106b2d';
const API = 'am:beaf3755beb51b0d';
const WEB = 'am:de117be416df2a06';

describeEachDialect('Alertmanager webhook (recorded payloads)', (dialect) => {
  let h: IntegrationHarness;
  let n = 0;
  beforeAll(async () => {
    h = await integrationHarness(dialect);
  });
  afterAll(() => h.close());

  async function setup(settings: Record<string, unknown> = { bearerToken: 'am-bearer-secret-123' }) {
    const org = await h.newOrg(`am-${dialect}-${++n}`);
    const hook = await createHook(h.app, org, { name: 'Prometheus', type: 'alertmanager', settings, labels: { env: 'prod', team: 'dba' } });
    return { org, hook };
  }

  it('raises one alert per fingerprint with the integration labels over the payload labels', async () => {
    const { org, hook } = await setup();
    const res = await post(h.app, hook.path, fixture('alertmanager/diskfull-firing.json'), BEARER);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', duplicate: false, outcome: 'processed', alerts: [{ dedupKey: DB1, result: 'created' }, { dedupKey: DB2, result: 'created' }] });
    const alerts = await alertsByKey(org.ctx);
    expect([...alerts.keys()].sort()).toEqual([DB1, DB2]);
    expect(alerts.get(DB1)).toMatchObject({
      status: 'firing',
      severity: 'critical',
      source: 'integration',
      labels: { alertname: 'DiskFull', instance: 'db-1.example.internal:9100', job: 'node', mountpoint: '/var/lib/postgresql', severity: 'critical', env: 'prod', team: 'dba' },
      annotations: { summary: 'Disk /var/lib/postgresql on db-1 is 97% full', runbook_url: 'https://runbooks.example.com/disk-full' },
      startsAt: '2026-11-23T00:47:15.000Z',
      generatorUrl: expect.stringContaining('http://prometheus.example.internal:9090/graph?g0.expr='),
    });
    expect(alerts.get(DB2)).toMatchObject({ severity: 'warning', labels: { instance: 'db-2.example.internal:9100', team: 'dba' } });
    const [delivery] = await deliveriesOf(h.app, org, hook.id);
    expect(delivery).toMatchObject({ event: 'firing', status: 200, outcome: 'processed', dedupKeys: [DB1, DB2], bodyBytes: fixture('alertmanager/diskfull-firing.json').length, redeliveries: 0, error: null });
  });

  it('answers a redelivery of the same notification without applying or storing it twice', async () => {
    const { org, hook } = await setup();
    const first = await post(h.app, hook.path, fixture('alertmanager/diskfull-firing.json'), BEARER);
    const again = await post(h.app, hook.path, fixture('alertmanager/diskfull-firing.json'), BEARER);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true, deliveryId: first.json().deliveryId });
    const deliveries = await deliveriesOf(h.app, org, hook.id);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ redeliveries: 1, lastRedeliveryAt: expect.any(String) });
    const alerts = await alertsByKey(org.ctx);
    expect(alerts.size).toBe(2);
    expect(alerts.get(DB1)!.fireCount).toBe(1);
  });

  it('is idempotent when the same notification arrives several times at once', async () => {
    const { org, hook } = await setup();
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(h.app, hook.path, fixture('alertmanager/diskfull-firing.json'), BEARER)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((a) => !a.json().duplicate)).toHaveLength(1);
    expect((await deliveriesOf(h.app, org, hook.id)).map((d) => d.redeliveries)).toEqual([4]);
    expect([...(await alertsByKey(org.ctx)).values()].map((a) => a.fireCount)).toEqual([1, 1]);
  });

  it('keeps the newest deliveries when pruned', async () => {
    const { org, hook } = await setup();
    for (const file of ['errorrate-firing', 'errorrate-one-resolved', 'diskfull-firing', 'diskfull-resolved']) await post(h.app, hook.path, fixture(`alertmanager/${file}.json`), BEARER);
    const before = await deliveriesOf(h.app, org, hook.id);
    expect(await pruneDeliveries(h.t.runtime.db, hook.id, 2)).toBe(2);
    expect(await deliveriesOf(h.app, org, hook.id)).toEqual(before.slice(0, 2));
    expect(await pruneDeliveries(h.t.runtime.db, hook.id, 2)).toBe(0);
    const jobs = await sql<{ n: number }>`select count(*) as n from jobs where kind = ${PRUNE_DELIVERIES_JOB} and org_id = ${org.org.org.id}`.execute(h.t.runtime.db);
    expect(Number(jobs.rows[0].n)).toBe(1);
  });

  it('resolves the alert Alertmanager reports resolved and keeps its group mates firing', async () => {
    const { org, hook } = await setup();
    expect((await post(h.app, hook.path, fixture('alertmanager/errorrate-firing.json'), BEARER)).statusCode).toBe(200);
    const res = await post(h.app, hook.path, fixture('alertmanager/errorrate-one-resolved.json'), BEARER);
    expect(res.json().alerts).toEqual([
      expect.objectContaining({ dedupKey: API, action: 'fire', result: 'unchanged' }),
      expect.objectContaining({ dedupKey: WEB, action: 'resolve', result: 'resolved' }),
    ]);
    let alerts = await alertsByKey(org.ctx);
    expect(alerts.get(API)).toMatchObject({ status: 'firing', fireCount: 1 });
    expect(alerts.get(WEB)).toMatchObject({ status: 'resolved', endsAt: '2026-11-23T00:47:45.000Z' });

    // The first notification arriving late (a retry) is older than the resolution: it does not reopen.
    const late = await post(h.app, hook.path, fixture('alertmanager/errorrate-firing.json'), BEARER);
    expect(late.json()).toMatchObject({ duplicate: false });
    expect(late.json().alerts.find((a: { dedupKey: string }) => a.dedupKey === WEB).result).toBe('stale');
    alerts = await alertsByKey(org.ctx);
    expect(alerts.get(WEB)!.status).toBe('resolved');
  });

  it('resolves every alert of a resolved notification at the endsAt Alertmanager gives', async () => {
    const { org, hook } = await setup();
    await post(h.app, hook.path, fixture('alertmanager/diskfull-firing.json'), BEARER);
    const res = await post(h.app, hook.path, fixture('alertmanager/diskfull-resolved.json'), BEARER);
    expect(res.json().alerts.map((a: { result: string }) => a.result)).toEqual(['resolved', 'resolved']);
    const alerts = await alertsByKey(org.ctx);
    for (const key of [DB1, DB2]) expect(alerts.get(key)).toMatchObject({ status: 'resolved', endsAt: '2026-11-23T00:47:21.080Z' });
    expect((await post(h.app, hook.path, fixture('alertmanager/diskfull-resolved.json'), BEARER)).json()).toMatchObject({ duplicate: true });
    expect(await deliveriesOf(h.app, org, hook.id)).toHaveLength(2);
  });

  it('stores nothing for a resolution of alerts it never saw', async () => {
    const { org, hook } = await setup();
    const res = await post(h.app, hook.path, fixture('alertmanager/diskfull-resolved.json'), BEARER);
    expect(res.statusCode).toBe(200);
    expect(res.json().alerts.map((a: { result: string }) => a.result)).toEqual(['unknown', 'unknown']);
    expect((await alertsByKey(org.ctx)).size).toBe(0);
  });

  it("checks the bearer token Alertmanager's http_config sends", async () => {
    const { org, hook } = await setup();
    const body = fixture('alertmanager/diskfull-firing.json');
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong-token-000' }, { authorization: 'Basic YWxlcnRtYW5hZ2VyOmFtLWJhc2ljLXNlY3JldC00NTY=' }]) {
      const res = await post(h.app, hook.path, body, headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('HOOK_AUTH_FAILED');
    }
    expect((await alertsByKey(org.ctx)).size).toBe(0);
    const deliveries = await deliveriesOf(h.app, org, hook.id);
    expect(deliveries.map((d) => [d.status, d.outcome])).toEqual([
      [401, 'rejected'],
      [401, 'rejected'],
      [401, 'rejected'],
    ]);
    // Refusals do not count as the delivery having been seen: the genuine one still applies.
    expect((await post(h.app, hook.path, body, BEARER)).json()).toMatchObject({ duplicate: false, outcome: 'processed' });
  });

  it('accepts the basic auth of the recording', async () => {
    const { org, hook } = await setup({ username: 'alertmanager', password: 'am-basic-secret-456' });
    const ok = await post(h.app, hook.path, fixture('alertmanager/diskfull-firing.json'), { authorization: 'Basic YWxlcnRtYW5hZ2VyOmFtLWJhc2ljLXNlY3JldC00NTY=' });
    expect(ok.statusCode).toBe(200);
    expect((await alertsByKey(org.ctx)).size).toBe(2);
    const wrong = await post(h.app, hook.path, fixture('alertmanager/errorrate-firing.json'), { authorization: `Basic ${Buffer.from('alertmanager:guess-guess').toString('base64')}` });
    expect(wrong.statusCode).toBe(401);
  });

  it('refuses bad input with the documented status and stores no alert', async () => {
    const { org, hook } = await setup({});
    const unknown = await post(h.app, '/hooks/00000000000000000000000000000000', fixture('alertmanager/diskfull-firing.json'));
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'INTEGRATION_NOT_FOUND']);
    const notAToken = await post(h.app, '/hooks/not-a-token', fixture('alertmanager/diskfull-firing.json'));
    expect(notAToken.statusCode).toBe(404);

    const malformed = await post(h.app, hook.path, '{"receiver":"hooks","status":"firing","alerts":[{');
    expect([malformed.statusCode, malformed.json().error.code]).toEqual([400, 'INVALID_JSON']);

    const v3 = JSON.parse(fixture('alertmanager/diskfull-firing.json').toString());
    v3.version = '3';
    delete v3.alerts[0].labels;
    const wrongShape = await post(h.app, hook.path, v3);
    expect(wrongShape.statusCode).toBe(400);
    expect(wrongShape.json().error.code).toBe('HOOK_PAYLOAD_INVALID');
    expect(wrongShape.json().error.details.errors).toEqual(expect.arrayContaining([expect.stringContaining("'version'"), expect.stringContaining("'alerts.0.labels'")]));

    const huge = Buffer.alloc(h.t.runtime.config.bodyLimitBytes + 1, 0x20);
    const tooLarge = await post(h.app, hook.path, huge);
    expect([tooLarge.statusCode, tooLarge.json().error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);

    expect((await alertsByKey(org.ctx)).size).toBe(0);
    const deliveries = await deliveriesOf(h.app, org, hook.id);
    expect(deliveries.map((d) => [d.status, d.outcome]).sort()).toEqual([
      [400, 'rejected'],
      [400, 'rejected'],
    ]);
    expect(deliveries.find((d) => d.error.includes('version'))).toBeTruthy();
  });
});
