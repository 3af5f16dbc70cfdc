import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/http/build-app.ts';
import { alertsModule, listAlerts, type Alert } from '../src/modules/alerts/index.ts';
import { auditModule } from '../src/modules/audit/index.ts';
import { authModule } from '../src/modules/auth/index.ts';
import { createIntegrationsModule } from '../src/modules/integrations/index.ts';
import { createMonitorsModule } from '../src/modules/monitors/index.ts';
import type { Clock } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import type { CustosModule } from '../src/platform/module.ts';
import { createOrgWithOwner, createTokenFor, type OrgWithOwner, type TestToken } from './helpers/auth.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const FIXTURES = new URL('./fixtures/integrations/', import.meta.url);

/** The body of a fixture exactly as stored (recordings keep the sender's bytes, trailing newline included). */
export const fixture = (name: string): Buffer => readFileSync(new URL(name, FIXTURES));

export const integrationTestModules = (): CustosModule[] => [auditModule, authModule, createMonitorsModule(), alertsModule, createIntegrationsModule()];

export interface TestOrg {
  org: OrgWithOwner;
  ctx: Ctx;
  admin: TestToken;
}

export interface IntegrationHarness {
  t: TestRuntime;
  app: FastifyInstance;
  /** A new organization with an admin token; its owner is shared, so no password is hashed again. */
  newOrg(slug: string): Promise<TestOrg>;
  close(): Promise<void>;
}

export async function integrationHarness(dialect: 'sqlite' | 'postgres', clock?: Clock): Promise<IntegrationHarness> {
  const t = await createTestRuntime({ dialect, clock, modules: integrationTestModules() });
  const app = await buildApp(t.runtime, { runsJobs: false, web: false });
  return {
    t,
    app,
    async newOrg(slug) {
      const org = await createOrgWithOwner(t.runtime, slug, { email: 'owner@integrations.example.com' });
      return { org, ctx: org.ctx, admin: await createTokenFor(t.runtime, slug, 'admin') };
    },
    async close() {
      await app.close();
      await t.close();
    },
  };
}

export interface CreatedHook {
  id: string;
  token: string;
  /** The path of the hook URL: `/hooks/<token>`. */
  path: string;
}

export async function createHook(app: FastifyInstance, org: TestOrg, body: Record<string, unknown>): Promise<CreatedHook> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/integrations', headers: org.admin.headers, payload: body });
  if (res.statusCode !== 201) throw new Error(`create answered ${res.statusCode}: ${res.body}`);
  const created = res.json();
  return { id: created.id, token: created.token, path: new URL(created.url).pathname };
}

/** POSTs the bytes as a sender would (JSON unless told otherwise). */
export function post(app: FastifyInstance, url: string, body: Buffer | string | object, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const payload = Buffer.isBuffer(body) || typeof body === 'string' ? body : JSON.stringify(body);
  return app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', ...headers } });
}

export async function deliveriesOf(app: FastifyInstance, org: TestOrg, id: string): Promise<any[]> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/integrations/${id}/deliveries?limit=500`, headers: org.admin.headers });
  if (res.statusCode !== 200) throw new Error(`deliveries answered ${res.statusCode}: ${res.body}`);
  return res.json().data;
}

/** Every alert of the organization by dedup key. */
export async function alertsByKey(ctx: Ctx): Promise<Map<string, Alert>> {
  const page = await listAlerts({ ctx, input: { limit: 500 } });
  return new Map(page.data.map((a) => [a.dedupKey, a]));
}
