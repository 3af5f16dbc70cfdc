import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Server } from '../../src/app/serve.ts';
import { addMemberTo } from '../helpers/auth.ts';
import { ensureDashboardBuilt, haveChromium, launchBrowser, type Browser } from '../helpers/browser.ts';
import { sqliteDatabase, type TestDatabase } from '../helpers/databases.ts';
import { LoopbackTarget } from '../helpers/loopback.ts';
import { testConfig } from '../helpers/runtime.ts';

if (!haveChromium) console.warn('[e2e] /usr/bin/chromium is missing, so the dashboard end-to-end tests are SKIPPED (apt-get install chromium)');

const OWNER = { email: 'owner@e2e.example.com', password: 'correct horse battery staple' };
const VIEWER = { email: 'viewer@e2e.example.com', password: 'correct horse battery staple' };

describe.skipIf(!haveChromium)('dashboard end to end', () => {
  let db: TestDatabase;
  let server: Server;
  let browser: Browser;
  const target = new LoopbackTarget();

  beforeAll(async () => {
    ensureDashboardBuilt();
    await target.start();
    db = sqliteDatabase();
    server = await startServer(testConfig({ databaseUrl: db.url, jobPollMs: 50 }));
    await server.ready;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await target.stop();
    await db?.drop();
  });

  it('sets up, logs in, creates an HTTP monitor and follows it down and up live', { timeout: 240_000 }, async () => {
    const { page } = browser;
    const row = () => page.getByRole('row').filter({ hasText: 'Loopback target' });

    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Set up Custos' }).waitFor();
    await page.getByLabel('Organization name').fill('E2E Corp');
    await page.getByLabel('Your name').fill('Olive Owner');
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill(OWNER.password);
    await browser.screenshot('01-setup');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { name: 'No monitors yet' }).waitFor();
    await browser.screenshot('02-empty-list');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: /invalid|incorrect|wrong/i }).waitFor();
    await browser.screenshot('03-login-failed');
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Monitors', exact: true }).waitFor();

    await page.getByRole('link', { name: 'Create your first monitor' }).click();
    await page.getByRole('heading', { name: 'New monitor' }).waitFor();
    await page.getByLabel('Name').fill('Loopback target');
    await page.getByLabel('URL').fill('ftp://127.0.0.1/');
    await page.getByRole('button', { name: 'Create monitor' }).click();
    await page.getByText('expected an http:// or https:// URL').waitFor();
    await browser.screenshot('04-form-field-error');

    await page.getByLabel('URL').fill(`http://127.0.0.1:${target.port}/health`);
    await page.getByLabel('Check every (seconds)').fill('10');
    await page.getByLabel('Failures before down').fill('1');
    await page.getByLabel('Tags').fill('env=e2e\nteam=platform');
    await page.getByRole('button', { name: 'Test' }).click();
    await page.getByRole('heading', { name: 'Test result' }).waitFor();
    expect(await page.locator('section', { hasText: 'Test result' }).locator('.badge').first().textContent()).toBe('Up');
    await browser.screenshot('05-form-tested');
    await page.getByRole('button', { name: 'Create monitor' }).click();
    await page.getByRole('heading', { name: /Loopback target/ }).waitFor();

    await page.getByRole('link', { name: 'Monitors', exact: true }).first().click();
    await row().waitFor();
    await row().getByText('Up', { exact: true }).waitFor({ timeout: 45_000 });
    await row().getByText(/\d+\.\d\d%/).first().waitFor();
    await browser.screenshot('06-list-up');

    await target.stop();
    await row().getByText('Down', { exact: true }).waitFor({ timeout: 60_000 });
    await browser.screenshot('07-list-down');

    await target.start();
    await row().getByText('Up', { exact: true }).waitFor({ timeout: 60_000 });
    await browser.screenshot('08-list-up-again');

    await row().getByRole('link', { name: 'Loopback target' }).click();
    await page.getByRole('heading', { name: 'State changes' }).waitFor();
    const flips = page.locator('section', { has: page.getByRole('heading', { name: 'State changes' }) }).locator('li');
    await expect.poll(() => flips.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: 'Check now' }).click();
    await page.getByRole('heading', { name: 'Check now' }).waitFor();
    await page.waitForTimeout(500);
    await browser.screenshot('09-detail');

    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${server.url}/monitors`);
    await row().getByText(/\d+\.\d\d%/).first().waitFor();
    await browser.screenshot('10-list-phone');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Audit log' }).waitFor();
    await browser.screenshot('10b-menu-phone');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByText('Chain intact.').waitFor();
    await browser.screenshot('10c-audit-phone');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('shows a viewer no edit controls', { timeout: 60_000 }, async () => {
    const { page } = browser;
    await addMemberTo(server.runtime, 'e2e-corp', 'viewer', VIEWER.email, VIEWER.password);
    await page.goto(`${server.url}/monitors`);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel('Email').fill(VIEWER.email);
    await page.getByLabel('Password').fill(VIEWER.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Monitors', exact: true }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Loopback target' }).getByRole('link').click();
    await page.getByRole('heading', { name: 'State changes' }).waitFor();
    expect(await page.getByRole('button', { name: /Edit|Delete|Pause|Check now/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'API tokens' }).count()).toBe(0);
    await browser.screenshot('11-viewer-detail');
  });
});
