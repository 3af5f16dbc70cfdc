import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMemberTo } from '../helpers/auth.ts';
import { haveChromium, launchBrowser, type Browser } from '../helpers/browser.ts';
import { apiAs, completeFirstRun, startDashboard, type Api, type Dashboard } from '../helpers/dashboard.ts';
import { seedEvidence, tamperChain } from './evidence-screens-data.ts';

if (!haveChromium) console.warn('[e2e] /usr/bin/chromium is missing, so the evidence screens end-to-end tests are SKIPPED (apt-get install chromium)');

const ORG = 'evidence-corp';
const OWNER = { org: 'Evidence Corp', name: 'Ada Admin', email: 'ada@evidence.example.com', password: 'correct horse battery staple' };
const AUDITOR = 'aude@audit.example.com';

describe.skipIf(!haveChromium)('evidence screens end to end', () => {
  let dashboard: Dashboard;
  let browser: Browser;
  let api: Api;
  let dir: string;
  const page = () => browser.page;
  const nav = (name: string) => page().getByRole('navigation').getByRole('link', { name, exact: true });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'custos-evidence-e2e-'));
    dashboard = await startDashboard();
    browser = dashboard.browser;
  }, 120_000);

  afterAll(async () => {
    await dashboard?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows an empty integrity page before anything is signed', { timeout: 60_000 }, async () => {
    await page().goto(dashboard.server.url);
    await completeFirstRun(page(), OWNER);
    api = await apiAs(dashboard.server, ORG);
    await nav('Integrity').click();
    await page().getByText('No checkpoint yet').waitFor();
    await page().getByText('No witness: checkpoints are signed but published nowhere.').waitFor();
    await browser.screenshot('evidence-01-integrity-empty');
  });

  it('shows the integrity status: verification, checkpoint, witnesses and keys', { timeout: 120_000 }, async () => {
    await seedEvidence(dashboard.server.runtime, api, ORG, dir);
    await expect
      .poll(async () => (await api('GET', '/audit/integrity')).json.witnesses.map((w: { status: { lastPublishedAt: string | null; lastFailedAt: string | null } }) => !!(w.status.lastPublishedAt ?? w.status.lastFailedAt)), { timeout: 30_000 })
      .toEqual([true, true]);
    const integrity = (await api('GET', '/audit/integrity')).json;
    await page().reload();
    await page().getByText('Chain verified.').waitFor();
    const checkpoint = page().getByRole('region', { name: 'Latest checkpoint' });
    await checkpoint.getByText(`#${integrity.latestCheckpoint.seq}`, { exact: true }).waitFor();
    await checkpoint.getByText(integrity.latestCheckpoint.keyId).waitFor();
    const witnesses = page().getByRole('table', { name: 'Witnesses' });
    await witnesses.getByRole('row').filter({ hasText: 'Evidence share' }).getByText('publishing').waitFor();
    await witnesses.getByRole('row').filter({ hasText: 'Transparency log' }).getByText('failing').waitFor();
    await page().getByRole('region', { name: 'Signing public keys' }).getByText('signing now').waitFor();
    await page().getByRole('button', { name: 'Verify now' }).click();
    await page().getByText(/Just now: \d+ events replayed, chain intact/).waitFor();
    await page().getByRole('button', { name: 'Verify results' }).click();
    await page().getByText('Results intact.').waitFor();
    await page().getByText(/1 committed day recomputed from the raw check results/).waitFor();
    await browser.screenshot('evidence-02-integrity');
  });

  it('shows the report over 30 days with uptime against the SLA, coverage, response, receipts and changes', { timeout: 60_000 }, async () => {
    await nav('Reports').click();
    const uptime = page().getByRole('table', { name: 'Uptime vs SLA' });
    const checkout = uptime.getByRole('row').filter({ hasText: 'Checkout API' });
    await checkout.waitFor();
    expect(await checkout.getByRole('cell').nth(3).textContent()).toContain('99.9%missed');
    await uptime.getByRole('row').filter({ hasText: 'Search cluster' }).getByText('none').waitFor();
    const coverage = page().getByRole('table', { name: 'Coverage per monitor' });
    expect(await coverage.getByRole('row').filter({ hasText: 'Checkout database' }).getByRole('cell').last().textContent()).toBe('1');
    await page().getByRole('list', { name: 'Gaps by cause' }).getByText(/Custos was not running: 1 gap/).waitFor();
    const incidents = page().getByRole('table', { name: 'Incidents by severity' });
    await incidents.getByRole('row').filter({ hasText: 'P1' }).waitFor();
    const receipts = page().getByRole('table', { name: 'Receipts by channel type' });
    expect(await receipts.getByRole('row').filter({ hasText: 'slack' }).getByRole('cell').nth(2).textContent()).toBe('40');
    await page().getByRole('list', { name: 'Channel tests' }).getByText('never tested').waitFor();
    await page().getByText('No on-call schedule: nobody is on call at any hour.').waitFor();
    await page().getByRole('list', { name: 'Changes by action' }).getByText('channel.create').waitFor();
    await page().getByRole('heading', { name: 'Methodology', exact: true }).click();
    await page().getByLabel('Methodology', { exact: true }).getByRole('heading', { name: 'Custos report methodology' }).waitFor();
    await browser.screenshot('evidence-03-report-30d');

    const csv = await page().getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    const answer = await page().request.get(`${dashboard.server.url}${csv}`);
    expect(answer.status()).toBe(200);
    expect(await answer.text()).toMatch(/^section,subject,metric,value/);
    const html = await page().getByRole('link', { name: 'Printable HTML' }).getAttribute('href');
    expect((await page().request.get(`${dashboard.server.url}${html}`)).headers()['content-type']).toMatch(/^text\/html/);

    await page().getByRole('button', { name: 'Custom', exact: true }).click();
    await page().getByLabel('From (UTC day)').fill('2020-01-01');
    await page().getByRole('button', { name: 'Show' }).click();
    await page().getByRole('alert').filter({ hasText: 'The report could not be built.' }).waitFor();
    const weekAgo = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
    await page().getByLabel('From (UTC day)').fill(weekAgo);
    await page().getByRole('button', { name: 'Show' }).click();
    await uptime.getByRole('row').filter({ hasText: 'Checkout API' }).waitFor();
    expect(new URL(page().url()).searchParams.get('from')).toBe(weekAgo);
    await page().getByRole('button', { name: '7 days', exact: true }).click();
    await uptime.getByRole('row').filter({ hasText: 'Checkout API' }).waitFor();
    expect(new URL(page().url()).searchParams.get('days')).toBe('7');
    await page().setViewportSize({ width: 390, height: 844 });
    await browser.screenshot('evidence-04-report-7d-narrow');
    await page().setViewportSize({ width: 1280, height: 860 });
  });

  it('lists compliance findings by severity with their controls, objects and remedies', { timeout: 60_000 }, async () => {
    await nav('Compliance').click();
    const high = page().getByRole('region', { name: /High severity/ });
    await high.getByText('The organization has no escalation policy: nobody is paged until acknowledged.').waitFor();
    const sla = high.getByRole('listitem').filter({ hasText: 'Monitor "Checkout API" was up' });
    await sla.getByRole('link', { name: 'Checkout API' }).waitFor();
    expect(await sla.getByRole('link', { name: 'Checkout API' }).getAttribute('href')).toMatch(/^\/monitors\/\w+/);
    await sla.getByText('Remedy:').waitFor();
    const medium = page().getByRole('region', { name: /Medium severity/ });
    await medium.getByText('Channel "Ops mailbox" (email) has no test receipt.').waitFor();
    await medium.getByText('https://shop.example.com has no tls certificate monitor.').waitFor();
    await page().getByRole('region', { name: 'SOC 2' }).getByText('CC7.3').waitFor();
    await page().getByRole('region', { name: 'ISO/IEC 27001:2022' }).getByText(/controls with findings/).waitFor();
    await browser.screenshot('evidence-05-compliance');
  });

  it('exports a signed pack for a chosen period and downloads a tar archive', { timeout: 120_000 }, async () => {
    await nav('Evidence export').click();
    await page().getByRole('button', { name: '7 days', exact: true }).click();
    const [download] = await Promise.all([page().waitForEvent('download', { timeout: 90_000 }), page().getByRole('button', { name: 'Export evidence pack' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^custos-evidence-evidence-corp-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.tar$/);
    const archive = readFileSync((await download.path())!);
    expect(archive.length).toBeGreaterThan(10_000);
    expect(archive.subarray(257, 262).toString()).toBe('ustar');
    expect(archive.toString('latin1')).toContain('manifest.sig');
    await page().getByText('Pack ready.').waitFor();
    await page().getByRole('table', { name: 'Previous exports' }).getByRole('row').filter({ hasText: OWNER.email }).waitFor();
    await page().getByText(`custos evidence verify ${download.suggestedFilename()}`).waitFor();
    await page().getByLabel('Directory on the Custos server').fill(dir);
    await page().getByRole('button', { name: 'Save' }).click();
    await page().getByText(`${dir}/custos-evidence-${ORG}-YYYY-MM.tar`).waitFor();
    await browser.screenshot('evidence-06-export');
  });

  it('shows a tampered chain as failed, with the degraded anchor', { timeout: 60_000 }, async () => {
    await tamperChain(dashboard.server.runtime, ORG, 3);
    await nav('Integrity').click();
    await page().getByText('Verification failed at event #3.').waitFor();
    await page().getByText('Anchor degraded.').waitFor();
    await page().getByRole('table', { name: 'Witnesses' }).getByRole('row').filter({ hasText: 'Evidence share' }).getByText('stale').waitFor();
    await page().getByRole('button', { name: 'Verify now' }).click();
    await page().getByText(/Just now: broken at event #3/).waitFor();
    await page().getByRole('button', { name: 'Verify results' }).click();
    await page().getByText(/Results of \d{4}-\d{2}-\d{2} do not match \(results changed\)/).waitFor();
    await browser.screenshot('evidence-07-integrity-failed');
  });

  it('lets an auditor read every evidence screen without export controls', { timeout: 90_000 }, async () => {
    await addMemberTo(dashboard.server.runtime, ORG, 'auditor', AUDITOR);
    const auditor = await launchBrowser();
    try {
      const p = auditor.page;
      await p.goto(dashboard.server.url);
      await p.getByLabel('Email').fill(AUDITOR);
      await p.getByLabel('Password').fill(OWNER.password);
      await p.getByRole('button', { name: 'Log in' }).click();
      const link = (name: string) => p.getByRole('navigation').getByRole('link', { name, exact: true });
      await link('Integrity').click();
      await p.getByText('Verification failed at event #3.').waitFor();
      await link('Reports').click();
      await p.getByRole('table', { name: 'Uptime vs SLA' }).getByText('Checkout API').waitFor();
      await link('Compliance').click();
      await p.getByRole('region', { name: /High severity/ }).waitFor();
      await link('Evidence export').click();
      await p.getByText('Only admins export packs from the dashboard.').waitFor();
      await p.getByRole('table', { name: 'Previous exports' }).waitFor();
      expect(await p.getByRole('button', { name: 'Export evidence pack' }).count()).toBe(0);
      expect(await p.getByLabel('Directory on the Custos server').count()).toBe(0);
      await auditor.screenshot('evidence-08-export-auditor');
      await p.setViewportSize({ width: 390, height: 844 });
      for (const [path, name] of [['/integrity', 'integrity'], ['/compliance', 'compliance']]) {
        await p.goto(`${dashboard.server.url}${path}`);
        await p.getByRole('heading', { level: 1, name: new RegExp(name, 'i') }).waitFor();
        await p.locator('.loading').first().waitFor({ state: 'detached' });
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await auditor.screenshot(`evidence-09-${name}-narrow`);
      }
    } finally {
      await auditor.close();
    }
  });
});
