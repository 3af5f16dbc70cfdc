import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, type Browser } from '../helpers/browser.ts';
import { addMemberTo } from '../helpers/auth.ts';
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

  it('builds a schedule and an escalation policy in the UI and overrides a shift from the calendar', { timeout: 120_000 }, async () => {
    const { page } = browser;
    await addMemberTo(dashboard.server.runtime, ORG, 'responder', 'ana@incidents.example.com');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

    await page.getByRole('link', { name: 'On-call schedules' }).click();
    await page.getByRole('link', { name: 'Create a schedule' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Platform primary');
    await page.getByLabel('First shift on').fill(yesterday);
    await page.getByLabel('Shift length').selectOption('daily');
    await page.getByLabel('Add a participant').selectOption({ label: 'Olive Owner (owner@incidents.example.com)' });
    await page.getByLabel('Add a participant').selectOption({ label: 'ana (ana@incidents.example.com)' });
    await browser.screenshot('incidents-10-schedule-form');
    await page.getByRole('button', { name: 'Create schedule' }).click();
    await page.getByRole('heading', { name: 'Platform primary' }).waitFor();
    await page.locator('.cal-now').waitFor();
    expect(await page.locator('.cal-piece[data-kind="layer"]').count()).toBeGreaterThanOrEqual(7);
    await expect.poll(() => page.locator('.on-call-now strong').textContent()).toMatch(/Olive Owner|ana/);
    await browser.screenshot('incidents-11-schedule-calendar');

    // A click on a shift proposes an override over it.
    await page.locator('button.cal-piece').last().click();
    await page.getByRole('heading', { name: 'Override', exact: true }).waitFor();
    await page.getByLabel('Who is on call').selectOption({ label: 'ana' });
    await page.getByLabel('Note (optional)').fill('Swap for the weekend');
    await browser.screenshot('incidents-12-override-dialog');
    await page.getByRole('button', { name: 'Create override' }).click();
    await page.locator('section', { has: page.getByRole('heading', { name: 'Overrides' }) }).getByText('Swap for the weekend').waitFor();
    await page.locator('.cal-piece[data-kind="override"]').first().waitFor();
    const schedule = (await ok('GET', '/schedules')).data[0];
    expect((await ok('GET', `/schedules/${schedule.id}/overrides`)).data).toMatchObject([{ note: 'Swap for the weekend' }]);

    await page.getByRole('link', { name: 'Escalation policies' }).click();
    await page.getByRole('link', { name: 'New policy' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Platform P0');
    await page.getByLabel('Step 1 target 1', { exact: true }).selectOption({ label: 'Platform primary' });
    await page.getByRole('button', { name: 'Add step' }).click();
    await page.getByLabel('Step 2 delay (minutes)').fill('30');
    await page.getByLabel('Step 2 target 1', { exact: true }).selectOption({ label: 'ana' });
    await page.getByLabel('Repeat the whole policy').fill('2');
    await browser.screenshot('incidents-13-policy-form');
    await page.getByRole('button', { name: 'Create policy' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Platform P0' });
    await row.getByText('after 30 min').waitFor();
    await browser.screenshot('incidents-14-policies');
    const made = (await ok('GET', '/escalation-policies')).data.find((p: { name: string }) => p.name === 'Platform P0');
    expect(made).toMatchObject({ repeat: 2, steps: [{ delayMinutes: 0, targets: [{ type: 'schedule', id: schedule.id }] }, { delayMinutes: 30, targets: [{ type: 'user' }] }] });
  });

  it('shows a viewer the incident, schedule and policy without controls that change them', { timeout: 60_000 }, async () => {
    const { page } = browser;
    await addMemberTo(dashboard.server.runtime, ORG, 'viewer', 'viewer@incidents.example.com', OWNER.password);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel('Email').fill('viewer@incidents.example.com');
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('.who').getByText('viewer', { exact: false }).waitFor();

    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('all');
    await page.getByRole('row').filter({ hasText: 'Checkout API' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(await page.getByRole('button', { name: /Acknowledge|Resolve|Close|Comment|Change|Flag/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Open the review' }).count()).toBe(1);
    await browser.screenshot('incidents-20-viewer-incident');

    await page.getByRole('link', { name: 'On-call schedules' }).click();
    await page.getByRole('link', { name: 'Platform primary' }).click();
    await page.locator('.cal-piece').first().waitFor();
    expect(await page.locator('button.cal-piece').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Add override|Remove|Raise|Lower|Delete/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Calendar feed (iCal)' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Escalation policies' }).click();
    await page.getByRole('link', { name: 'Platform P0' }).click();
    await page.getByText('after 30 min').waitFor();
    expect(await page.getByRole('button', { name: /Save policy|Delete/ }).count()).toBe(0);
    await browser.screenshot('incidents-21-viewer-policy');
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
