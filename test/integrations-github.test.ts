import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from './helpers/databases.ts';
import { alertsByKey, createHook, deliveriesOf, fixture, integrationHarness, post, type CreatedHook, type IntegrationHarness } from './integrations-helpers.ts';

const SECRET = 'whsec-billing-4f1c2a9e';
const KEY = 'gh:example-org/billing:.github/workflows/billing.yml:main';

/** What GitHub's webhook sender puts on a delivery. */
function githubHeaders(event: string, body: Buffer, options: { delivery?: string; secret?: string; contentType?: string } = {}) {
  const secret = options.secret ?? SECRET;
  return {
    'user-agent': 'GitHub-Hookshot/7d3c1f2',
    'content-type': options.contentType ?? 'application/json',
    'x-github-event': event,
    'x-github-delivery': options.delivery ?? randomUUID(),
    'x-github-hook-id': '512398771',
    'x-hub-signature': `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`,
    'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
  };
}

describeEachDialect('GitHub Actions workflow_run webhook', (dialect) => {
  let h: IntegrationHarness;
  let n = 0;
  beforeAll(async () => {
    h = await integrationHarness(dialect);
  });
  afterAll(() => h.close());

  async function setup(settings: Record<string, unknown> = {}) {
    const org = await h.newOrg(`gh-${dialect}-${++n}`);
    const hook = await createHook(h.app, org, { name: 'Billing CI', type: 'github-actions', settings: { secret: SECRET, workflows: ['Monthly billing run'], branches: ['main'], ...settings }, labels: { team: 'billing' } });
    return { org, hook };
  }
  const send = (hook: CreatedHook, event: string, file: string, options: Parameters<typeof githubHeaders>[2] = {}) => {
    const body = fixture(`github/${file}`);
    return post(h.app, hook.path, body, githubHeaders(event, body, options));
  };

  it('answers a ping with 200 and raises nothing', async () => {
    const { org, hook } = await setup();
    const res = await send(hook, 'ping', 'ping.json');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'ignored', alerts: [] });
    expect((await alertsByKey(org.ctx)).size).toBe(0);
    expect((await deliveriesOf(h.app, org, hook.id))[0]).toMatchObject({ event: 'ping', outcome: 'ignored', status: 200, note: expect.stringContaining('ping') });
  });

  it('raises an alert for a failed run of the chosen workflow and resolves it at the next success', async () => {
    const { org, hook } = await setup();
    const failed = await send(hook, 'workflow_run', 'workflow-run-failure.json');
    expect(failed.statusCode).toBe(200);
    expect(failed.json().alerts).toEqual([expect.objectContaining({ dedupKey: KEY, action: 'fire', result: 'created' })]);
    let alert = (await alertsByKey(org.ctx)).get(KEY)!;
    expect(alert).toMatchObject({
      status: 'firing',
      severity: 'error',
      labels: { alertname: 'WorkflowRunFailed', repository: 'example-org/billing', workflow: 'Monthly billing run', branch: 'main', team: 'billing', severity: 'error' },
      annotations: { summary: 'Workflow "Monthly billing run" failed on main in example-org/billing', conclusion: 'failure', run_url: 'https://github.com/example-org/billing/actions/runs/11893402715' },
      startsAt: '2026-11-01T02:07:51.000Z',
      generatorUrl: 'https://github.com/example-org/billing/actions/runs/11893402715',
    });
    expect(alert.annotations.description).toContain('run #212');

    const timedOut = await send(hook, 'workflow_run', 'workflow-run-timed-out.json');
    expect(timedOut.json().alerts[0].result).toBe('updated');
    alert = (await alertsByKey(org.ctx)).get(KEY)!;
    expect(alert.annotations.summary).toBe('Workflow "Monthly billing run" timed out on main in example-org/billing');

    const success = await send(hook, 'workflow_run', 'workflow-run-success.json');
    expect(success.json().alerts).toEqual([expect.objectContaining({ dedupKey: KEY, action: 'resolve', result: 'resolved' })]);
    alert = (await alertsByKey(org.ctx)).get(KEY)!;
    expect(alert).toMatchObject({ status: 'resolved', endsAt: '2026-11-01T11:36:48.000Z', annotations: { resolution: 'run #214 succeeded' } });
  });

  it('answers a replayed delivery with 200 and stores nothing twice', async () => {
    const { org, hook } = await setup();
    const delivery = randomUUID();
    const first = await send(hook, 'workflow_run', 'workflow-run-failure.json', { delivery });
    const replay = await send(hook, 'workflow_run', 'workflow-run-failure.json', { delivery });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ duplicate: true, deliveryId: first.json().deliveryId });
    expect((await alertsByKey(org.ctx)).get(KEY)!.fireCount).toBe(1);

    await send(hook, 'workflow_run', 'workflow-run-success.json');
    // "Redeliver" in GitHub's settings sends the old failure again with its delivery id: still nothing happens.
    const late = await send(hook, 'workflow_run', 'workflow-run-failure.json', { delivery });
    expect(late.json()).toMatchObject({ duplicate: true });
    expect((await alertsByKey(org.ctx)).get(KEY)).toMatchObject({ status: 'resolved', fireCount: 1, episode: 1 });
    const deliveries = await deliveriesOf(h.app, org, hook.id);
    expect(deliveries).toHaveLength(2);
    expect(deliveries.find((d) => d.senderDeliveryId === delivery)).toMatchObject({ redeliveries: 2, event: 'workflow_run.completed' });
  });

  it('is idempotent under a race of the same delivery', async () => {
    const { org, hook } = await setup();
    const delivery = randomUUID();
    const answers = await Promise.all(Array.from({ length: 6 }, () => send(hook, 'workflow_run', 'workflow-run-failure.json', { delivery })));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers.filter((a) => !a.json().duplicate)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.json().deliveryId)).size).toBe(1);
    const deliveries = await deliveriesOf(h.app, org, hook.id);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].redeliveries).toBe(5);
    expect((await alertsByKey(org.ctx)).get(KEY)!.fireCount).toBe(1);
  });

  it('refuses a wrong, missing or stale signature with 401 and applies nothing', async () => {
    const { org, hook } = await setup();
    const body = fixture('github/workflow-run-failure.json');
    const wrongSecret = await post(h.app, hook.path, body, githubHeaders('workflow_run', body, { secret: 'someone-elses-secret' }));
    expect([wrongSecret.statusCode, wrongSecret.json().error.code]).toEqual([401, 'HOOK_SIGNATURE_INVALID']);

    const { 'x-hub-signature-256': _dropped, ...unsigned } = githubHeaders('workflow_run', body);
    expect((await post(h.app, hook.path, body, unsigned)).statusCode).toBe(401);

    const tampered = Buffer.from(body.toString().replace('"failure"', '"success"'));
    expect((await post(h.app, hook.path, tampered, githubHeaders('workflow_run', body))).statusCode).toBe(401);

    const garbage = await post(h.app, hook.path, body, { ...githubHeaders('workflow_run', body), 'x-hub-signature-256': 'sha256=zz' });
    expect(garbage.statusCode).toBe(401);

    expect((await alertsByKey(org.ctx)).size).toBe(0);
    expect((await deliveriesOf(h.app, org, hook.id)).every((d) => d.status === 401 && d.outcome === 'rejected' && d.senderDeliveryId === null)).toBe(true);
  });

  it('answers malformed JSON with 400 once the signature holds', async () => {
    const { hook } = await setup();
    const body = Buffer.from('{"action":"completed","workflow_run":');
    const res = await post(h.app, hook.path, body, githubHeaders('workflow_run', body));
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'INVALID_JSON']);
    const notARun = Buffer.from(JSON.stringify({ action: 'completed', workflow_run: { id: 'x' } }));
    const shape = await post(h.app, hook.path, notARun, githubHeaders('workflow_run', notARun));
    expect([shape.statusCode, shape.json().error.code]).toEqual([400, 'HOOK_PAYLOAD_INVALID']);
    expect(shape.json().error.details.errors).toEqual(expect.arrayContaining([expect.stringContaining("'workflow_run.id'"), expect.stringContaining("'repository'")]));
  });

  it('ignores runs it does not watch: other workflows and branches, runs in progress, other events, cancellations unless asked', async () => {
    const { org, hook } = await setup({ workflows: ['deploy.yml'] });
    const other = await send(hook, 'workflow_run', 'workflow-run-failure.json');
    expect(other.json()).toMatchObject({ outcome: 'ignored' });
    const byBranch = await setup({ workflows: ['.github/workflows/billing.yml'], branches: ['release/*'] });
    expect((await send(byBranch.hook, 'workflow_run', 'workflow-run-failure.json')).json()).toMatchObject({ outcome: 'ignored' });

    const watched = await setup({ workflows: ['billing.yml'], branches: ['ma*'] });
    expect((await send(watched.hook, 'workflow_run', 'workflow-run-requested.json')).json()).toMatchObject({ outcome: 'ignored' });
    expect((await send(watched.hook, 'push', 'ping.json')).json()).toMatchObject({ outcome: 'ignored' });
    expect((await send(watched.hook, 'workflow_run', 'workflow-run-cancelled.json')).json()).toMatchObject({ outcome: 'ignored' });
    expect((await alertsByKey(watched.org.ctx)).size).toBe(0);
    expect((await send(watched.hook, 'workflow_run', 'workflow-run-failure.json')).json().alerts[0].result).toBe('created');
    expect((await alertsByKey(org.ctx)).size).toBe(0);

    const cancels = await setup({ alertOnCancelled: true, severity: 'critical' });
    expect((await send(cancels.hook, 'workflow_run', 'workflow-run-cancelled.json')).json().alerts[0].result).toBe('created');
    expect((await alertsByKey(cancels.org.ctx)).get(KEY)).toMatchObject({ severity: 'critical', annotations: { conclusion: 'cancelled' } });
  });

  it('reads the form-encoded content type GitHub offers, signed over the form body', async () => {
    const { org, hook } = await setup();
    const body = Buffer.from(`payload=${encodeURIComponent(fixture('github/workflow-run-failure.json').toString())}`);
    const res = await post(h.app, hook.path, body, githubHeaders('workflow_run', body, { contentType: 'application/x-www-form-urlencoded' }));
    expect(res.statusCode).toBe(200);
    expect((await alertsByKey(org.ctx)).get(KEY)!.status).toBe('firing');
  });
});
