import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, type Browser } from '../helpers/browser.ts';
import { apiAs, completeFirstRun, startDashboard, type Api, type Dashboard } from '../helpers/dashboard.ts';
import { LoopbackReceiver, LoopbackTarget } from '../helpers/loopback.ts';

if (!haveChromium) console.warn('[e2e] /usr/bin/chromium is missing, so the incident end-to-end test is SKIPPED (apt-get install chromium)');

const OWNER = { email: 'owner@incidents.example.com', password: 'correct horse battery staple' };
const ORG = 'incident-corp';

describe.skipIf(!haveChromium)('incident response end to end', () => {
  let dashboard: Dashboard;
  let browser: Browser;
  let api: Api;
  const target = new LoopbackTarget();
  const slack = new LoopbackReceiver();

  beforeAll(async () => {
    await target.start();
    await slack.start('/services/T000/B000/e2e');
    dashboard = await startDashboard();
    browser = dashboard.browser;
  }, 120_000);

  afterAll(async () => {
    await dashboard?.close();
    await target.stop();
    await slack.stop();
  });

  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await api(method, path, body);
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.json)}`).toBeLessThan(300);
    return res.json;
  };

  it('pages on a monitor going down, is acknowledged from the dashboard, resolves on recovery, gets its review and closes', { timeout: 300_000 }, async () => {
    const { page } = browser;
    await page.goto(dashboard.server.url);
    await completeFirstRun(page, { org: 'Incident Corp', name: 'Olive Owner', ...OWNER });
    api = await apiAs(dashboard.server, ORG);

    // Paging: a Slack-shaped channel on loopback, a policy paging it at once, and the root route naming the policy.
    const channel = await ok('POST', '/channels', { name: 'On-call Slack', type: 'slack', settings: { webhookUrl: slack.url } });
    const policy = await ok('POST', '/escalation-policies', { name: 'Platform P1', steps: [{ delayMinutes: 0, targets: [{ type: 'channel', id: channel.id }] }], repeat: 0 });
    const routes = await ok('GET', '/routes');
    await ok('PUT', '/routes', { ...routes.document, receivers: [], group_by: ['alertname', 'monitor'], group_wait: '0s', group_interval: '1s', escalation_policy: policy.id });
    const monitor = await ok('POST', '/monitors', { name: 'Checkout API', type: 'http', settings: { url: target.url }, interval: 10, confirmDown: 1, labels: { service: 'checkout' } });
    await expect.poll(async () => (await ok('GET', `/monitors/${monitor.id}`)).state, { timeout: 45_000, interval: 500 }).toBe('up');

    // The target goes down: an incident opens and the escalation pages the Slack receiver.
    await target.stop();
    await expect.poll(() => slack.requests.length, { timeout: 90_000, interval: 500 }).toBeGreaterThan(0);
    const pageSent = JSON.parse(slack.requests[0]!.body);
    expect(JSON.stringify(pageSent)).toContain('Checkout API');
    expect(Array.isArray(pageSent.blocks) || typeof pageSent.text === 'string').toBe(true);
    const open = (await ok('GET', '/incidents?open=true')).data;
    expect(open).toHaveLength(1);
    const id: string = open[0].id;
    expect(open[0]).toMatchObject({ status: 'triggered', source: 'alert', escalationPolicyId: policy.id });

    // The responder acknowledges from the dashboard.
    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'Checkout API' });
    await row.getByText('triggered', { exact: true }).waitFor({ timeout: 20_000 });
    await row.getByText(/left|breached/).first().waitFor();
    await browser.screenshot('incidents-01-list-triggered');
    await row.getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Clocks' }).waitFor();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await browser.screenshot('incidents-02-detail-triggered');
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.locator('.page-header').getByText('acknowledged', { exact: true }).waitFor({ timeout: 15_000 });
    const acked = await ok('GET', `/incidents/${id}`);
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledgedBy: expect.stringMatching(/Olive Owner|owner@incidents/) });
    await browser.screenshot('incidents-03-acknowledged');

    // The target recovers: the alert resolves and the incident resolves with it.
    await target.start();
    await page.locator('.page-header').getByText('resolved', { exact: true }).waitFor({ timeout: 90_000 });
    await page.getByText(/resolved after/).waitFor();
    expect((await ok('GET', `/incidents/${id}`)).status).toBe('resolved');
    await browser.screenshot('incidents-04-resolved');

    // A P1 needs its review before it closes: the Close button waits for it.
    expect(acked.reviewRequired).toBe(true);
    await expect(page.getByRole('button', { name: 'Close' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('link', { name: 'Write the review' }).click();
    await fileReview(page).catch(async (err) => {
      await browser.screenshot('incidents-failed-review');
      throw err;
    });
    await browser.screenshot('incidents-05-review');
    await page.getByRole('link', { name: 'Back to the incident' }).click();
    await page.getByRole('button', { name: 'Close' }).click();
    await page.locator('.page-header').getByText('closed', { exact: true }).waitFor({ timeout: 15_000 });
    await browser.screenshot('incidents-06-closed');

    const closed = await ok('GET', `/incidents/${id}`);
    expect(closed).toMatchObject({ status: 'closed', reviewDoneAt: expect.any(String), mttaSeconds: expect.any(Number), mttrSeconds: expect.any(Number) });
    const kinds = (await ok('GET', `/incidents/${id}/timeline`)).data.map((e: { kind: string }) => e.kind);
    for (const kind of ['incident.created', 'alert.attached', 'incident.acknowledged', 'incident.resolved', 'incident.closed']) expect(kinds).toContain(kind);
  });
});

async function fileReview(page: Browser['page']): Promise<void> {
  await page.getByLabel('Summary').waitFor();
  await page.getByLabel('Summary').fill('The checkout API stopped answering; the health check caught it within a minute.');
  await page.getByLabel('Impact').fill('Checkouts failed for about a minute.');
  await page.getByLabel('Contributing factors').fill('A deploy restarted every instance at once.');
  await page.getByLabel('New action item').fill('Roll deploys one instance at a time');
  await page.getByRole('button', { name: 'Add item' }).click();
  await page.getByRole('checkbox', { name: 'Done: Roll deploys one instance at a time' }).waitFor();
  await page.getByRole('button', { name: 'File the review' }).click();
  await page.getByText(/Review filed/).first().waitFor({ timeout: 15_000 });
}
