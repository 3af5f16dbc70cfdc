import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Server } from '../../src/app/serve.ts';
import { addMemberTo, createTokenFor } from '../helpers/auth.ts';
import { ensureDashboardBuilt, haveChromium, launchBrowser, type Browser } from '../helpers/browser.ts';
import { sqliteDatabase, type TestDatabase } from '../helpers/databases.ts';
import { LoopbackReceiver } from '../helpers/loopback.ts';
import { testConfig } from '../helpers/runtime.ts';

if (!haveChromium) console.warn('[e2e] /usr/bin/chromium is missing, so the screens end-to-end tests are SKIPPED (apt-get install chromium)');

const OWNER = { email: 'owner@screens.example.com', password: 'correct horse battery staple' };
const VIEWER = { email: 'viewer@screens.example.com', password: 'correct horse battery staple' };
const ORG = 'screens-corp';

describe.skipIf(!haveChromium)('alerting and heartbeat screens end to end', () => {
  let db: TestDatabase;
  let server: Server;
  let browser: Browser;
  let api: (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any }>;
  const receiver = new LoopbackReceiver();

  beforeAll(async () => {
    ensureDashboardBuilt();
    await receiver.start();
    db = sqliteDatabase();
    server = await startServer(testConfig({ databaseUrl: db.url, jobPollMs: 50 }));
    await server.ready;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await receiver.stop();
    await db?.drop();
  });

  it('sets up an organization, creates a heartbeat, pings it over HTTP and sees it up with its ping', { timeout: 120_000 }, async () => {
    const { page } = browser;
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Set up Custos' }).waitFor();
    await page.getByLabel('Organization name').fill('Screens Corp');
    await page.getByLabel('Your name').fill('Olive Owner');
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { name: 'No monitors yet' }).waitFor();
    const token = await createTokenFor(server.runtime, ORG, 'owner');
    api = async (method, path, body) => {
      const init: RequestInit = { method, headers: token.headers };
      if (body !== undefined) Object.assign(init, { body: JSON.stringify(body), headers: { ...token.headers, 'content-type': 'application/json' } });
      const res = await fetch(`${server.url}/api/v1${path}`, init);
      return { status: res.status, json: await res.json().catch(() => null) };
    };

    await page.getByRole('link', { name: 'Heartbeats' }).click();
    await page.getByRole('heading', { name: 'No heartbeats yet' }).waitFor();
    await page.getByRole('link', { name: 'Create a heartbeat' }).click();
    await page.getByRole('heading', { name: 'New heartbeat' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Nightly backup');
    await page.getByLabel('Slug').fill('nightly-backup');
    await page.getByRole('button', { name: 'Cron expression' }).click();
    await page.getByLabel('Cron expression').fill('0 2 * * *');
    await page.getByLabel('Time zone').fill('Europe/London');
    await page.getByLabel('Grace time', { exact: true }).fill('30');
    await page.getByLabel('Grace time unit').selectOption('60');
    await page.getByText('Down if no ping by').waitFor();
    await browser.screenshot('screens-01-heartbeat-form');
    await page.getByLabel('Cron expression').fill('0 2 * * * *');
    await page.getByRole('button', { name: 'Create heartbeat' }).click();
    await page.getByText(/not a five-field cron expression/).waitFor();
    await page.getByRole('button', { name: 'Every period' }).click();
    await page.getByLabel('Expect a ping every', { exact: true }).fill('1');
    await page.getByLabel('Expect a ping every unit').selectOption('3600');
    await page.getByRole('button', { name: 'Create heartbeat' }).click();
    await page.getByRole('heading', { name: /Nightly backup/ }).waitFor();
    await page.getByRole('heading', { name: 'Ping URLs' }).waitFor();

    const pingUrl = (await page.locator('.copy-field').filter({ has: page.getByText('Ping URL', { exact: true }) }).locator('code.copy-value').textContent())!;
    expect(pingUrl).toMatch(/\/ping\/[0-9a-f-]{36}$/);
    expect(await page.locator('.code-block pre').first().textContent()).toContain(`&& curl -fsS -m 10 --retry 5 -o /dev/null ${pingUrl}`);
    const rid = randomUUID();
    expect((await fetch(`${pingUrl}/start?rid=${rid}`)).status).toBe(200);
    const ping = await fetch(`${pingUrl}?rid=${rid}`, { method: 'POST', body: 'backup finished: 42 files, 1.2 GB\nchecksums verified' });
    expect([ping.status, await ping.text()]).toEqual([200, 'OK']);

    const heading = page.getByRole('heading', { name: /Nightly backup/ });
    await expect.poll(async () => {
      await page.reload();
      await heading.waitFor();
      return heading.locator('.badge').textContent();
    }, { timeout: 20_000 }).toBe('Up');
    await page.getByRole('button', { name: /Show \d+ bytes/ }).click();
    await page.getByText('checksums verified').waitFor();
    expect(await page.locator('.run-list li').count()).toBe(1);
    await browser.screenshot('screens-02-heartbeat-detail');

    await page.getByRole('link', { name: 'Heartbeats', exact: true }).first().click();
    await page.getByRole('row').filter({ hasText: 'Nightly backup' }).getByText('Up', { exact: true }).waitFor();
    await browser.screenshot('screens-03-heartbeat-list');
  });

  it('creates a webhook channel pointing at a loopback receiver and sends a test that is delivered', { timeout: 90_000 }, async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Channels' }).click();
    await page.getByRole('heading', { name: 'No channels yet' }).waitFor();
    await page.getByRole('link', { name: 'Add a channel' }).click();
    await page.getByRole('heading', { name: 'New channel' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Loopback webhook');
    await page.getByLabel('Type').selectOption('webhook');
    await page.getByLabel('URL', { exact: true }).fill(receiver.url);
    await page.getByLabel('Secret', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create channel' }).click();
    await page.locator('.field .error').first().waitFor();
    await browser.screenshot('screens-04-channel-form-error');
    await page.getByLabel('Secret', { exact: true }).fill('a-shared-secret-of-some-length');
    await page.getByRole('button', { name: 'Create channel' }).click();
    await page.getByRole('heading', { name: 'Send a test' }).waitFor();

    await page.getByLabel('Message (optional)').fill('Checking the loopback receiver');
    await page.getByRole('button', { name: 'Send test' }).click();
    const result = page.getByRole('status', { name: 'Test result' });
    await result.getByText('delivered', { exact: true }).waitFor();
    expect(await result.textContent()).toContain('answered 200');
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0].headers['x-custos-signature']).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(receiver.requests[0].body).toContain('Checking the loopback receiver');
    await page.getByRole('region', { name: 'Last receipts' }).getByText('test notification').waitFor();
    await browser.screenshot('screens-05-channel-detail');

    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Replace Secret' }).waitFor();
    expect(await page.getByLabel('Secret: stored, masked').textContent()).toMatch(/^•+ngth$/);
    await browser.screenshot('screens-06-channel-edit');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('link', { name: 'Channels', exact: true }).first().click();
    await page.getByRole('row').filter({ hasText: 'Loopback webhook' }).getByText('delivered').waitFor();
    await browser.screenshot('screens-07-channels');
  });

  it('shows a firing alert, acknowledges it and silences it from its page', { timeout: 90_000 }, async () => {
    const { page } = browser;
    const made = await api('POST', '/monitors', { name: 'Billing run', type: 'heartbeat', settings: { period: 3600, grace: 300 }, labels: { team: 'payments', env: 'prod' } });
    expect(made.status).toBe(201);
    const beat = await api('GET', `/heartbeats/${made.json.id}`);
    expect((await fetch(`${beat.json.pingUrl}/1`, { method: 'POST', body: 'error: card processor timeout' })).status).toBe(200);

    await page.getByRole('link', { name: 'Alerts' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Billing run is down' });
    await expect.poll(async () => {
      await page.reload();
      await page.getByRole('heading', { name: 'Alerts', exact: true }).waitFor();
      return row.count();
    }, { timeout: 20_000 }).toBe(1);
    await page.getByLabel('Label matchers').fill('team="payments"');
    await page.waitForURL(/matcher=/);
    await row.waitFor();
    await browser.screenshot('screens-08-alerts');
    await page.getByLabel('Label matchers').fill('team=~"("');
    await page.getByText(/invalid regular expression/).waitFor();
    await page.getByLabel('Label matchers').fill('team="payments"');
    await row.waitFor();

    await row.getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByText('Acked', { exact: true }).waitFor();
    await page.getByText(/acknowledged by/).first().waitFor();
    await browser.screenshot('screens-09-alert-detail');

    await page.getByRole('link', { name: 'Silence…' }).click();
    await page.getByRole('heading', { name: 'New silence' }).waitFor();
    expect(await page.getByLabel('Matchers').inputValue()).toContain('alertname="MonitorDown"');
    await page.getByText(/Matches 1 firing alert now/).waitFor();
    await page.getByLabel('Comment').fill('Card processor maintenance (CHG-42)');
    await browser.screenshot('screens-10-silence-form');
    await page.getByRole('button', { name: 'Create silence' }).click();
    await page.getByRole('row').filter({ hasText: 'Card processor maintenance' }).waitFor();
    await browser.screenshot('screens-11-silences');
  });

  it('edits the routes as a tree, maps a validation error to its field, saves and runs the test tool', { timeout: 90_000 }, async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Routes' }).click();
    await page.getByRole('heading', { name: 'Root route' }).or(page.getByText('Root route')).first().waitFor();
    await page.getByRole('button', { name: 'Add child route' }).first().click();
    const child = page.locator('.route-children .route-node').first();
    await child.getByLabel('Matchers').fill('team payments');
    await child.getByLabel('Same as the parent route').uncheck();
    await child.getByLabel(/Loopback webhook/).check();
    await page.getByRole('button', { name: 'Save routes' }).click();
    await child.getByText(/expected label=value/).waitFor();
    await browser.screenshot('screens-12-routes-error');

    await child.getByLabel('Matchers').fill('team="payments"');
    await page.getByRole('button', { name: 'Save routes' }).click();
    await page.getByText(/Version 1, saved by/).waitFor();

    await page.getByLabel('Alert labels').fill('alertname=MonitorDown\nteam=payments\nmonitor=Billing run');
    await page.getByRole('button', { name: 'Run test' }).click();
    const result = page.getByLabel('Test result');
    await result.getByRole('heading', { name: 'Route 1' }).waitFor();
    await result.getByText('Loopback webhook').waitFor();
    await result.getByText(/Silenced by/).waitFor();
    await browser.screenshot('screens-13-routes-test');

    // A save from elsewhere makes this page's version stale: saving again asks to reload.
    const current = await api('GET', '/routes');
    expect((await api('PUT', '/routes', current.json.document)).status).toBe(200);
    await child.getByLabel('Group wait').fill('10s');
    await page.getByRole('button', { name: 'Save routes' }).click();
    await page.getByText('Someone else saved the routes').waitFor();
    await browser.screenshot('screens-14-routes-conflict');
    await page.getByRole('button', { name: 'Reload saved routes' }).click();
    await page.getByText(/Version 2, saved by/).waitFor();
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    expect(await page.getByLabel('Routing document (JSON)').inputValue()).toContain('"matchers": [\n        "team=\\"payments\\""');
    await page.getByLabel('Routing document (JSON)').fill('{"receivers": [], "routes": [{"matcher": ["team=db"]}]}');
    await page.getByRole('button', { name: 'Save routes' }).click();
    await page.getByText(/routes\.0/).first().waitFor();
    await browser.screenshot('screens-14b-routes-json-error');
  });

  it('shows the integrations screen, or says the server does not offer it yet', { timeout: 60_000 }, async () => {
    const { page } = browser;
    const probe = await api('GET', '/integrations');
    await page.getByRole('link', { name: 'Integrations' }).click();
    if (probe.status === 404) {
      await page.getByRole('heading', { name: 'Inbound integrations are not available on this server yet' }).waitFor();
      await browser.screenshot('screens-15-integrations-unavailable');
      return;
    }
    await page.getByRole('link', { name: 'Connect a tool' }).click();
    await page.getByLabel(/Generic JSON webhook/).check();
    await page.getByLabel('Name', { exact: true }).fill('Deploy bot');
    await page.getByLabel('Dedup key path').fill('alert.id');
    await page.getByLabel('Status path').fill('alert.status');
    await browser.screenshot('screens-15a-integration-form');
    await page.getByRole('button', { name: 'Create integration' }).click();
    const hookUrl = (await page.locator('.secret-once code').first().textContent())!;
    expect(hookUrl).toMatch(/\/hooks\/[0-9a-f]{32}$/);
    await page.getByText(`curl -sS -X POST ${hookUrl}`).first().waitFor();
    await browser.screenshot('screens-15-integration-created');
    const sent = await fetch(hookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ alert: { id: 'deploy-1', status: 'firing' } }) });
    expect(sent.status).toBeLessThan(300);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.getByRole('heading', { name: 'Recent deliveries' }).waitFor();
    await page.getByText('processed').first().waitFor();
    await browser.screenshot('screens-16-integration-detail');
  });

  it('shows a viewer the same screens without edit controls, at phone width', { timeout: 60_000 }, async () => {
    const { page } = browser;
    await addMemberTo(server.runtime, ORG, 'viewer', VIEWER.email, VIEWER.password);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel('Email').fill(VIEWER.email);
    await page.getByLabel('Password').fill(VIEWER.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText(`${VIEWER.email} · viewer`).waitFor();
    await page.setViewportSize({ width: 375, height: 812 });

    await page.goto(`${server.url}/alerts`);
    await page.getByRole('row').filter({ hasText: 'Billing run is down' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(await page.getByRole('button', { name: /Acknowledge|Resolve/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Silence…' }).count()).toBe(0);
    await browser.screenshot('screens-17-viewer-alert-phone');

    await page.goto(`${server.url}/routes`);
    await page.getByText('Only admins change routes').waitFor();
    expect(await page.getByRole('button', { name: /Save routes|Add child route|Remove/ }).count()).toBe(0);
    await browser.screenshot('screens-18-viewer-routes-phone');

    await page.goto(`${server.url}/heartbeats`);
    await page.getByRole('row').filter({ hasText: 'Nightly backup' }).getByRole('link').click();
    await page.getByRole('heading', { name: 'Ping URLs' }).waitFor();
    expect(await page.getByRole('button', { name: /Pause|Delete|Create ping key/ }).count()).toBe(0);
    await browser.screenshot('screens-19-viewer-heartbeat-phone');
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});
