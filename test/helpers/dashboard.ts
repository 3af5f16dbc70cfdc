import type { Page } from 'playwright-core';
import { startServer, type Server } from '../../src/app/serve.ts';
import { createTokenFor } from './auth.ts';
import { ensureDashboardBuilt, launchBrowser, type Browser } from './browser.ts';
import { sqliteDatabase, type TestDatabase } from './databases.ts';
import { testConfig } from './runtime.ts';

export interface Dashboard {
  db: TestDatabase;
  server: Server;
  browser: Browser;
  close(): Promise<void>;
}

/** A built dashboard served by a real Custos (SQLite, loopback, jobs running) and a headless Chromium. */
export async function startDashboard(): Promise<Dashboard> {
  ensureDashboardBuilt();
  const db = sqliteDatabase();
  const server = await startServer(testConfig({ databaseUrl: db.url, jobPollMs: 50 }));
  await server.ready;
  const browser = await launchBrowser();
  return {
    db,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await db.drop();
    },
  };
}

/** The first-run screen: creates the organization and its owner, and waits for the dashboard. */
export async function completeFirstRun(page: Page, owner: { org: string; name: string; email: string; password: string }): Promise<void> {
  await page.getByRole('heading', { name: 'Set up Custos' }).waitFor();
  await page.getByLabel('Organization name').fill(owner.org);
  await page.getByLabel('Your name').fill(owner.name);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await page.getByRole('heading', { name: 'No monitors yet' }).waitFor();
}

export type Api = (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any }>;

/** JSON calls to the REST API with a fresh token of `role` in the organization `orgSlug`. */
export async function apiAs(server: Server, orgSlug: string, role: 'owner' | 'admin' = 'owner'): Promise<Api> {
  const token = await createTokenFor(server.runtime, orgSlug, role);
  return async (method, path, body) => {
    const init: RequestInit = { method, headers: token.headers };
    if (body !== undefined) Object.assign(init, { body: JSON.stringify(body), headers: { ...token.headers, 'content-type': 'application/json' } });
    const res = await fetch(`${server.url}/api/v1${path}`, init);
    return { status: res.status, json: await res.json().catch(() => null) };
  };
}
