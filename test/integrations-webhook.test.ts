import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from './helpers/databases.ts';
import { alertsByKey, createHook, deliveriesOf, fixture, integrationHarness, post, type IntegrationHarness } from './integrations-helpers.ts';

const MAPPING = { dedupKeyPath: 'check.id', statusPath: 'state', resolvedValues: ['ok'], summaryPath: 'message', severityPath: 'severity', labelsPath: 'tags', alertname: 'SyntheticCheckFailing' };

describeEachDialect('generic JSON webhook', (dialect) => {
  let h: IntegrationHarness;
  let n = 0;
  beforeAll(async () => {
    h = await integrationHarness(dialect);
  });
  afterAll(() => h.close());

  async function setup(settings: Record<string, unknown> = {}) {
    const org = await h.newOrg(`wh-${dialect}-${++n}`);
    const hook = await createHook(h.app, org, { name: 'Probe tool', type: 'webhook', settings: { ...MAPPING, ...settings }, labels: { env: 'prod' } });
    return { org, hook, key: (k: string) => `wh:${hook.id}:${k}` };
  }

  it('maps the key, status, summary, severity and labels by dot-path, and resolves on a resolved value', async () => {
    const { org, hook, key } = await setup();
    const fired = await post(h.app, hook.path, fixture('webhook/probe-alerting.json'));
    expect(fired.statusCode).toBe(200);
    expect(fired.json().alerts).toEqual([expect.objectContaining({ dedupKey: key('chk_7Hq2'), action: 'fire', result: 'created' })]);
    expect((await alertsByKey(org.ctx)).get(key('chk_7Hq2'))).toMatchObject({
      status: 'firing',
      severity: 'warning',
      labels: { alertname: 'SyntheticCheckFailing', service: 'checkout', region: 'eu-west', tier: '1', env: 'prod', severity: 'warning' },
      annotations: { summary: 'p95 checkout latency is 2.4 s (threshold 1.5 s) from eu-west and us-east', status: 'alerting', dedup_key: 'chk_7Hq2' },
    });
    const ok = await post(h.app, hook.path, fixture('webhook/probe-ok.json'));
    expect(ok.json().alerts).toEqual([expect.objectContaining({ action: 'resolve', result: 'resolved' })]);
    expect((await alertsByKey(org.ctx)).get(key('chk_7Hq2'))!.status).toBe('resolved');
    expect((await post(h.app, hook.path, fixture('webhook/probe-ok.json'))).json()).toMatchObject({ duplicate: true });
    expect(await deliveriesOf(h.app, org, hook.id)).toHaveLength(2);
  });

  it('fires on every delivery without a status path, and makes odd label names valid', async () => {
    const { org, hook, key } = await setup({ statusPath: undefined, labelsPath: 'labels' });
    const res = await post(h.app, hook.path, { check: { id: 42 }, labels: { 'data centre': 'lon-1', '9lives': 'yes', nested: { no: 1 } }, message: 'x' });
    expect(res.statusCode).toBe(200);
    expect((await alertsByKey(org.ctx)).get(key('42'))!.labels).toMatchObject({ data_centre: 'lon-1', _9lives: 'yes' });
    expect((await alertsByKey(org.ctx)).get(key('42'))!.labels).not.toHaveProperty('nested');
  });

  it('refuses a payload without the dedup key, naming the path', async () => {
    const { org, hook } = await setup();
    for (const body of [{ state: 'alerting' }, [1, 2], { check: { id: '  ' } }]) {
      const res = await post(h.app, hook.path, body);
      expect([res.statusCode, res.json().error.code]).toEqual([400, 'HOOK_PAYLOAD_INVALID']);
      expect(res.json().error.details.errors[0]).toContain("'check.id' is missing");
    }
    expect((await alertsByKey(org.ctx)).size).toBe(0);
  });

  it('checks an HMAC-SHA256 signature in the configured header when a secret is set', async () => {
    const { org, hook } = await setup({ secret: 'shared-secret-123', signatureHeader: 'X-Signature' });
    const body = fixture('webhook/probe-alerting.json');
    const hex = createHmac('sha256', 'shared-secret-123').update(body).digest('hex');
    expect((await post(h.app, hook.path, body)).statusCode).toBe(401);
    const wrong = await post(h.app, hook.path, body, { 'x-signature': createHmac('sha256', 'other-secret').update(body).digest('hex') });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([401, 'HOOK_SIGNATURE_INVALID']);
    expect((await alertsByKey(org.ctx)).size).toBe(0);
    expect((await post(h.app, hook.path, body, { 'x-signature': hex })).statusCode).toBe(200);
    const ok = fixture('webhook/probe-ok.json');
    expect((await post(h.app, hook.path, ok, { 'x-signature': `sha256=${createHmac('sha256', 'shared-secret-123').update(ok).digest('hex')}` })).statusCode).toBe(200);
  });
});
