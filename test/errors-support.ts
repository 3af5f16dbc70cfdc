import type { AddressInfo } from 'node:net';
import { NodeClient, Scope, contextLinesIntegration, defaultStackParser, linkedErrorsIntegration, makeNodeTransport } from '@sentry/node';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/http/build-app.ts';
import { appModules } from '../src/app/modules.ts';
import { createErrorTrackingModule, digestAll, digestDepsOf, type DigestSummary, type ErrorTrackingModule, type ErrorTrackingModuleOptions } from '../src/modules/errortracking/index.ts';
import type { Clock } from '../src/platform/clock.ts';
import type { Runtime } from '../src/platform/runtime.ts';
import { createOrgWithOwner, createTokenFor, type TestToken } from './helpers/auth.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

export interface ErrorsApp {
  t: TestRuntime;
  app: FastifyInstance;
  base: string;
  admin: TestToken;
  module: ErrorTrackingModule;
  /** Digests everything queued, as the digest worker would. */
  digest(): Promise<DigestSummary>;
  close(): Promise<void>;
}

export interface TestProject {
  id: string;
  number: number;
  dsn: string;
  publicKey: string;
}

/** A listening Custos (port 0, loopback) with one organization and an admin token. */
export async function startErrorsApp(
  dialect: 'sqlite' | 'postgres',
  org: string,
  options: { clock?: Clock; config?: Record<string, unknown>; errors?: ErrorTrackingModuleOptions } = {},
): Promise<ErrorsApp> {
  const module = createErrorTrackingModule({ digest: false, ...options.errors });
  const modules = appModules().map((m) => (m.name === module.name ? module : m));
  const t = await createTestRuntime({ dialect, clock: options.clock, config: options.config, modules });
  const app = await buildApp(t.runtime, { runsJobs: false, web: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  await createOrgWithOwner(t.runtime, org);
  const admin = await createTokenFor(t.runtime, org, 'admin');
  const deps = digestDepsOf(t.runtime, options.errors?.grouping);
  return {
    t,
    app,
    base,
    admin,
    module,
    digest: () => digestAll(deps),
    async close() {
      await app.close();
      await t.close();
    },
  };
}

/** Creates a project over the API; its DSN points at the listening app (injected requests have no real host). */
export async function createProject(e: Pick<ErrorsApp, 'app' | 'admin' | 'base'>, body: Record<string, unknown> = {}): Promise<TestProject> {
  const res = await e.app.inject({ method: 'POST', url: '/api/v1/projects', headers: e.admin.headers, payload: { name: `Shop ${Math.random().toString(36).slice(2, 8)}`, ...body } });
  if (res.statusCode !== 201) throw new Error(`project create answered ${res.statusCode}: ${res.body}`);
  const p = res.json();
  const publicKey = new URL(p.dsn).username;
  return { id: p.id, number: p.number, dsn: `http://${publicKey}@${new URL(e.base).host}/${p.number}`, publicKey };
}

/** The official Node SDK's client with its HTTP transport, scoped (no global hooks in the test process). */
export function sentryClient(dsn: string, options: { release?: string; environment?: string } = {}) {
  const client = new NodeClient({
    dsn,
    release: options.release,
    environment: options.environment,
    transport: makeNodeTransport,
    stackParser: defaultStackParser,
    integrations: [linkedErrorsIntegration(), contextLinesIntegration()],
    sendClientReports: true,
  });
  const scope = new Scope();
  scope.setClient(client);
  client.init();
  return { client, scope, flush: () => client.flush(10_000) };
}

/** Every stored value of every table, as one text, to search for personal data. */
export async function databaseText(runtime: Runtime): Promise<string> {
  const tables =
    runtime.dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(runtime.db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(runtime.db)).rows.map((r) => r.name);
  const parts: string[] = [];
  for (const table of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(runtime.db)).rows;
    parts.push(JSON.stringify(rows));
  }
  return parts.join('\n');
}

export const get = async (e: Pick<ErrorsApp, 'app' | 'admin'>, url: string) => {
  const res = await e.app.inject({ method: 'GET', url, headers: e.admin.headers });
  if (res.statusCode !== 200) throw new Error(`GET ${url} answered ${res.statusCode}: ${res.body}`);
  return res.json();
};
