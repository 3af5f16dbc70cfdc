import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestRuntime, type TestRuntime } from '../../test/helpers/runtime.ts';
import { AppError } from '../platform/errors.ts';
import type { CustosModule } from '../platform/module.ts';
import { buildApp } from './build-app.ts';

const EchoInput = z.object({ name: z.string().min(1), settings: z.object({ url: z.url() }) });

const echoModule: CustosModule = {
  name: 'echo',
  routes(app) {
    const api = app.withTypeProvider<ZodTypeProvider>();
    api.post('/echo', { schema: { body: EchoInput, response: { 200: EchoInput } } }, async (req) => req.body);
    api.get('/boom', async () => {
      throw new Error('secret internal detail');
    });
    api.get('/conflict', async () => {
      throw new AppError('CONFLICT', 'already there');
    });
  },
};

const expectEnvelope = (res: { statusCode: number; json(): any; headers: Record<string, unknown> }, status: number, code: string) => {
  expect(res.statusCode).toBe(status);
  const body = res.json();
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.requestId).toBe(res.headers['x-request-id']);
  return body.error;
};

describe('buildApp', () => {
  let t: TestRuntime;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect: 'sqlite', modules: [echoModule], config: { bodyLimitBytes: 2048 } });
    app = await buildApp(t.runtime, { runsJobs: false });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('answers health with per-component status', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.components.database.status).toBe('ok');
    expect(body.components.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(body.components.migrations.status).toBe('ok');
  });

  it('answers a malformed JSON body with INVALID_JSON', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/echo', headers: { 'content-type': 'application/json' }, payload: '{"name":' });
    expectEnvelope(res, 400, 'INVALID_JSON');
  });

  it('answers an oversized body with PAYLOAD_TOO_LARGE', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(5000), settings: { url: 'http://a' } }),
    });
    expectEnvelope(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown route with ROUTE_NOT_FOUND', async () => {
    expectEnvelope(await app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'ROUTE_NOT_FOUND');
    expectEnvelope(await app.inject({ method: 'DELETE', url: '/api/v1/echo' }), 404, 'ROUTE_NOT_FOUND');
  });

  it('answers a wrong content type with UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/echo', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expectEnvelope(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('names the invalid field in a validation error', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/echo', payload: { name: 'ok', settings: { url: 'not a url' } } });
    const error = expectEnvelope(res, 400, 'VALIDATION_FAILED');
    expect(error.details.issues.map((i: { path: string }) => i.path)).toEqual(['settings.url']);
    expect(error.message).toContain('settings.url');
  });

  it('hides internal error details from clients', async () => {
    const error = expectEnvelope(await app.inject({ method: 'GET', url: '/api/v1/boom' }), 500, 'INTERNAL');
    expect(error.message).not.toContain('secret');
  });

  it('maps an AppError code to its status', async () => {
    expectEnvelope(await app.inject({ method: 'GET', url: '/api/v1/conflict' }), 409, 'CONFLICT');
  });

  it('keeps a well-formed request id from the client and makes one otherwise', async () => {
    const given = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'trace-12345678' } });
    expect(given.headers['x-request-id']).toBe('trace-12345678');
    const made = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'bad id\n' } });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const body = doc.paths['/api/v1/echo'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['name', 'settings']);
  });

  it('exposes Prometheus metrics including the HTTP duration histogram', async () => {
    await app.inject({ method: 'GET', url: '/api/health' });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('custos_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/health",status="200"}');
    expect(res.body).toContain('custos_db_query_duration_seconds');
    expect(res.body).toContain('custos_process_resident_memory_bytes');
  });

  it.skipIf(!existsSync('/usr/bin/promtool'))('passes promtool check metrics', async () => {
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    const out = execFileSync('promtool', ['check', 'metrics'], { input: res.body, encoding: 'utf8' });
    expect(out.trim()).toBe('');
  });
});
