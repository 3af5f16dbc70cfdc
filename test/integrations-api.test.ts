import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listAuditEvents } from '../src/modules/audit/index.ts';
import { sql } from '../src/platform/db/index.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createHook, fixture, integrationHarness, post, type IntegrationHarness, type TestOrg } from './integrations-helpers.ts';

const GITHUB = { name: 'Billing CI', type: 'github-actions', settings: { secret: 'first-secret-abcd', workflows: ['billing.yml'] }, labels: { team: 'billing' } };

function signed(secret: string, file = 'github/workflow-run-failure.json') {
  const body = fixture(file);
  return { body, headers: { 'x-github-event': 'workflow_run', 'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` } };
}

describeEachDialect('integrations API', (dialect) => {
  let h: IntegrationHarness;
  let a: TestOrg;
  let b: TestOrg;
  beforeAll(async () => {
    h = await integrationHarness(dialect);
    a = await h.newOrg(`api-a-${dialect}`);
    b = await h.newOrg(`api-b-${dialect}`);
  });
  afterAll(() => h.close());

  const call = (org: TestOrg, method: string, url: string, payload?: unknown) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: org.admin.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  it('creates an integration, shows its token and URL once, and keeps secrets encrypted and masked', async () => {
    const res = await call(a, 'POST', '/integrations', GITHUB);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: 'Billing CI', type: 'github-actions', labels: { team: 'billing' }, settings: { secret: '••••••abcd', workflows: ['billing.yml'], branches: [], alertOnCancelled: false, severity: 'error' } });
    expect(created.token).toMatch(/^[0-9a-f]{32}$/);
    expect(created.url).toMatch(new RegExp(`^http://[^/]+/hooks/${created.token}$`));
    expect(created.tokenPrefix).toBe(created.token.slice(0, 6));

    const read = (await call(a, 'GET', `/integrations/${created.id}`)).json();
    expect(read).not.toHaveProperty('token');
    expect(read).not.toHaveProperty('url');
    expect(read.settings.secret).toBe('••••••abcd');

    const raw = await sql<{ settings: string; secrets: string; token_hash: string }>`select settings, secrets, token_hash from integrations where id = ${created.id}`.execute(h.t.runtime.db);
    const row = raw.rows[0];
    expect(row.settings).not.toContain('first-secret');
    expect(row.secrets).toMatch(/^v1\./);
    expect(row.secrets).not.toContain('first-secret');
    expect(row.token_hash).not.toContain(created.token);

    const audit = await listAuditEvents({ ctx: a.ctx, input: { action: 'integration.', limit: 50 } });
    const event = audit.data.find((e) => e.subject.id === created.id)!;
    expect(event.action).toBe('integration.create');
    expect(JSON.stringify(event.data)).not.toContain('first-secret');
    expect(JSON.stringify(event.data)).not.toContain(created.token);
  });

  it('names the bad field: unknown type, settings of the type, labels', async () => {
    const unknown = await call(a, 'POST', '/integrations', { name: 'x', type: 'nagios' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues[0].path).toBe('type');
    const noSecret = await call(a, 'POST', '/integrations', { name: 'x', type: 'github-actions', settings: { workflows: 'billing.yml' } });
    expect(noSecret.json().error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['settings.secret', 'settings.workflows']);
    const webhook = await call(a, 'POST', '/integrations', { name: 'x', type: 'webhook', settings: { dedupKeyPath: 'a..b' } });
    expect(webhook.json().error.details.issues[0].path).toBe('settings.dedupKeyPath');
    const am = await call(a, 'POST', '/integrations', { name: 'x', type: 'alertmanager', settings: { bearerToken: 'long-enough-token', username: 'u', password: 'long-enough-pass' } });
    expect(am.json().error.details.issues[0].path).toBe('settings.bearerToken');
    const labels = await call(a, 'POST', '/integrations', { name: 'x', type: 'webhook', settings: { dedupKeyPath: 'id' }, labels: { 'bad key': 'v' } });
    expect(labels.statusCode).toBe(400);
  });

  it('updates settings keeping a secret sent back masked, and replaces it when a new one is sent', async () => {
    const hook = await createHook(h.app, a, GITHUB);
    const before = (await call(a, 'GET', `/integrations/${hook.id}`)).json();
    const renamed = await call(a, 'PATCH', `/integrations/${hook.id}`, { name: 'Billing workflows', settings: { ...before.settings, branches: ['main'] }, labels: { team: 'finance' } });
    expect(renamed.json()).toMatchObject({ name: 'Billing workflows', labels: { team: 'finance' }, settings: { secret: '••••••abcd', branches: ['main'] } });
    let delivery = signed('first-secret-abcd');
    expect((await post(h.app, hook.path, delivery.body, delivery.headers)).statusCode).toBe(200);

    await call(a, 'PATCH', `/integrations/${hook.id}`, { settings: { secret: 'second-secret-wxyz' } });
    delivery = signed('first-secret-abcd', 'github/workflow-run-success.json');
    expect((await post(h.app, hook.path, delivery.body, delivery.headers)).statusCode).toBe(401);
    delivery = signed('second-secret-wxyz', 'github/workflow-run-success.json');
    expect((await post(h.app, hook.path, delivery.body, delivery.headers)).statusCode).toBe(200);

    const cleared = await call(a, 'PATCH', `/integrations/${hook.id}`, { settings: { secret: null } });
    expect([cleared.statusCode, cleared.json().error.details.issues[0].path]).toEqual([400, 'settings.secret']);
    const actions = (await listAuditEvents({ ctx: a.ctx, input: { subject: `integration:${hook.id}`, limit: 50 } })).data.map((e) => e.action);
    expect(actions.sort()).toEqual(['integration.create', 'integration.update', 'integration.update']);
  });

  it('rotates the token: the old URL stops answering, the new one works', async () => {
    const hook = await createHook(h.app, a, { name: 'Prometheus', type: 'alertmanager' });
    const rotated = await call(a, 'POST', `/integrations/${hook.id}/rotate-token`);
    expect(rotated.statusCode).toBe(200);
    const { token, url, tokenPrefix } = rotated.json();
    expect(token).not.toBe(hook.token);
    expect(tokenPrefix).toBe(token.slice(0, 6));
    expect((await post(h.app, hook.path, fixture('alertmanager/diskfull-firing.json'))).statusCode).toBe(404);
    expect((await post(h.app, new URL(url).pathname, fixture('alertmanager/diskfull-firing.json'))).statusCode).toBe(200);
    const audit = await listAuditEvents({ ctx: a.ctx, input: { action: 'integration.rotate_token', limit: 50 } });
    const event = audit.data.find((e) => e.subject.id === hook.id)!;
    expect(JSON.stringify(event.data)).not.toContain(token);
  });

  it('lists by name with a cursor and a type filter, and lists deliveries newest first', async () => {
    const org = await h.newOrg(`api-list-${dialect}`);
    for (const name of ['c', 'a', 'b']) await createHook(h.app, org, { name, type: 'alertmanager' });
    const hook = await createHook(h.app, org, { name: 'd', type: 'pagerduty-events' });
    const first = (await call(org, 'GET', '/integrations?limit=2')).json();
    expect(first.data.map((i: { name: string }) => i.name)).toEqual(['a', 'b']);
    const second = (await call(org, 'GET', `/integrations?limit=2&cursor=${first.nextCursor}`)).json();
    expect([second.data.map((i: { name: string }) => i.name), second.nextCursor]).toEqual([['c', 'd'], null]);
    expect((await call(org, 'GET', '/integrations?type=pagerduty-events')).json().data.map((i: { name: string }) => i.name)).toEqual(['d']);

    for (const dedup_key of ['one', 'two', 'three']) await post(h.app, `${hook.path}/v2/enqueue`, { event_action: 'resolve', dedup_key });
    const page1 = (await call(org, 'GET', `/integrations/${hook.id}/deliveries?limit=2`)).json();
    expect(page1.data.map((d: { changes: { ref: string }[] }) => d.changes[0].ref)).toEqual(['three', 'two']);
    const page2 = (await call(org, 'GET', `/integrations/${hook.id}/deliveries?limit=2&cursor=${page1.nextCursor}`)).json();
    expect([page2.data.map((d: { changes: { ref: string }[] }) => d.changes[0].ref), page2.nextCursor]).toEqual([['one'], null]);
    expect((await call(org, 'GET', `/integrations/${hook.id}/deliveries?outcome=rejected`)).json().data).toEqual([]);
  });

  it("answers 404 for another organization's integration on every route", async () => {
    const hook = await createHook(h.app, a, { name: 'Prometheus', type: 'alertmanager' });
    for (const [method, url, body] of [
      ['GET', `/integrations/${hook.id}`],
      ['PATCH', `/integrations/${hook.id}`, { name: 'mine now' }],
      ['DELETE', `/integrations/${hook.id}`],
      ['POST', `/integrations/${hook.id}/rotate-token`],
      ['GET', `/integrations/${hook.id}/deliveries`],
    ] as const) {
      const res = await call(b, method, url, body);
      expect([method, url, res.statusCode, res.json().error.code]).toEqual([method, url, 404, 'INTEGRATION_NOT_FOUND']);
    }
    expect((await call(b, 'GET', '/integrations')).json().data.find((i: { id: string }) => i.id === hook.id)).toBeUndefined();
    expect((await call(a, 'GET', `/integrations/${hook.id}`)).json().name).toBe('Prometheus');
  });

  it('deletes an integration: its URL answers 404 at once', async () => {
    const hook = await createHook(h.app, a, { name: 'Short-lived', type: 'webhook', settings: { dedupKeyPath: 'id' } });
    expect((await post(h.app, hook.path, { id: 'x' })).statusCode).toBe(200);
    expect((await call(a, 'DELETE', `/integrations/${hook.id}`)).statusCode).toBe(204);
    expect((await post(h.app, hook.path, { id: 'x' })).statusCode).toBe(404);
    expect((await call(a, 'GET', `/integrations/${hook.id}`)).statusCode).toBe(404);
  });

  it('describes each type with its settings schema and URLs', async () => {
    const types = (await call(a, 'GET', '/integration-types')).json().data;
    expect(types.map((t: { type: string }) => t.type)).toEqual(['alertmanager', 'github-actions', 'pagerduty-events', 'webhook']);
    expect(types.find((t: { type: string }) => t.type === 'pagerduty-events').paths).toEqual(['/hooks/:token', '/hooks/:token/v2/enqueue', '/v2/enqueue']);
    expect(types.find((t: { type: string }) => t.type === 'github-actions').settingsSchema.required).toEqual(['secret']);
  });
});
