import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime, type TestRuntime } from '../../test/helpers/runtime.ts';
import { appModules } from '../app/modules.ts';
import type { CustosModule } from '../platform/module.ts';
import { buildApp } from './build-app.ts';

describe('registerWeb', () => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let bare: FastifyInstance;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'custos-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'index-AbC123.js'), 'console.log(1)');
    writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const pages: CustosModule = { name: 'pages', rootRoutes: (app) => void app.get('/pages/:slug', async () => ({ page: true })) };
    t = await createTestRuntime({ dialect: 'sqlite', modules: [...appModules(), pages] });
    app = await buildApp(t.runtime, { runsJobs: false, web: { root } });
    bare = await buildApp(t.runtime, { runsJobs: false, web: { root: join(root, 'missing') } });
  });
  afterAll(async () => {
    await app.close();
    await bare.close();
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html, never cached, for client-side routes', async () => {
    for (const url of ['/', '/monitors', '/monitors/0192/edit?x=1']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with a long immutable cache', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-AbC123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('leaves API paths, missing files and other methods to the JSON 404', async () => {
    const paths = [['GET', '/api/v1/nothing'], ['GET', '/api'], ['GET', '/assets/missing-1.js'], ['GET', '/robots.txt'], ['POST', '/monitors'], ['GET', '/pages/a/b'], ['GET', '/metrics/x']] as const;
    for (const [method, url] of paths) {
      const res = await app.inject({ method, url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toBe('ROUTE_NOT_FOUND');
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: true });
    expect((await app.inject({ method: 'GET', url: '/pages/x' })).json()).toEqual({ page: true });
  });

  it('explains how to build the dashboard when it is missing', async () => {
    const res = await bare.inject({ method: 'GET', url: '/monitors' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
  });
});
