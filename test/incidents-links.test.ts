import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { listAuditEvents } from '../src/modules/audit/index.ts';
import { removeMember } from '../src/modules/auth/index.ts';
import { createIncident, type IncidentDeps } from '../src/modules/incidents/index.ts';
import { HOUR, ManualClock } from '../src/platform/clock.ts';
import { addMemberTo, createOrgWithOwner, createTokenFor } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const T0 = Date.parse('2027-04-01T08:00:00Z');
const path = (url: string) => new URL(url).pathname;

describeEachDialect('signed acknowledge and resolve links', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let clock: ManualClock;
  let deps: IncidentDeps;
  let n = 0;

  beforeAll(async () => {
    clock = new ManualClock(T0);
    t = await createTestRuntime({ dialect, clock, config: { publicUrl: 'https://custos.example.com' } });
    app = await buildApp(t.runtime, { runsJobs: false, web: false });
    deps = { secrets: () => t.runtime.secrets() };
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  async function setUp() {
    clock.set(T0);
    const slug = `inc-links-${dialect}-${++n}`;
    const { ctx } = await createOrgWithOwner(t.runtime, slug, { email: 'owner@links.example.com' });
    const ann = await addMemberTo(t.runtime, slug, 'responder', 'ann@links.example.com');
    const token = await createTokenFor(t.runtime, slug, 'responder');
    const incident = await createIncident({ ctx, deps, input: { title: 'Queue <stuck> & growing', severity: 'P2' } });
    const link = async (body: Record<string, unknown>) => {
      const res = await app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.id}/links`, headers: token.headers, payload: body });
      expect(res.statusCode).toBe(201);
      return res.json() as { url: string; token: string; expiresAt: string };
    };
    return { ctx, ann, incident, link, slug };
  }

  it('shows a confirmation page, then acknowledges as actor `link` for the person it was issued to', async () => {
    const { ctx, ann, incident, link } = await setUp();
    const made = await link({ action: 'ack', userId: ann.id, expiresInMinutes: 60 });
    expect(made.url.startsWith('https://custos.example.com/i/ack/')).toBe(true);
    expect(made.expiresAt).toBe(new Date(T0 + HOUR).toISOString());

    const page = await app.inject({ method: 'GET', url: path(made.url) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<form method="post">');
    expect(page.body).toContain("Queue &#60;stuck&#62; &#38; growing");
    expect(page.body).toContain('as ann@links.example.com');

    clock.set(T0 + 10 * 60_000);
    const done = await app.inject({ method: 'POST', url: path(made.url), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('acknowledged');
    const audit = await listAuditEvents({ ctx: { ...ctx, role: 'auditor' }, input: { subject: `incident:${incident.id}`, limit: 10 } });
    expect(audit.data.find((e) => e.action === 'incident.acknowledged')!.actor).toEqual({ type: 'link', id: ann.id, display: 'ann@links.example.com (link)' });
    const issued = audit.data.find((e) => e.action === 'incident.link_issued')!;
    expect(issued.data).toEqual({ action: 'ack', userId: ann.id, expiresAt: made.expiresAt });
    expect(JSON.stringify(audit.data)).not.toContain(made.token.split('.')[1]);
    const again = await app.inject({ method: 'POST', url: path(made.url) });
    expect(again.statusCode).toBe(200);
  });

  it('answers a clear 4xx page to a tampered, expired, cut or wrong-action link', async () => {
    const { link } = await setUp();
    const made = await link({ action: 'resolve', expiresInMinutes: 30 });
    const [body, signature] = made.token.split('.');
    const flipped = `${body}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const tampered = await app.inject({ method: 'GET', url: `/i/resolve/${flipped}` });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain('This link is not valid');
    const claims = Buffer.from(body, 'base64url');
    claims.writeUIntBE(claims.readUIntBE(2, 5) + 10 * 3600, 2, 5);
    const longer = claims.toString('base64url');
    expect((await app.inject({ method: 'POST', url: `/i/resolve/${longer}.${signature}` })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: `/i/ack/${made.token}` })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: `/i/resolve/${body}` })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: `/i/delete/${made.token}` })).statusCode).toBe(404);

    clock.set(T0 + 30 * 60_000);
    const expired = await app.inject({ method: 'POST', url: path(made.url) });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This link has expired');
  });

  it('resolves through a resolve link, and a link for someone no longer a member stops working', async () => {
    const { incident, link, ann, ctx, slug } = await setUp();
    const resolve = await link({ action: 'resolve' });
    const forAnn = await link({ action: 'ack', userId: ann.id });
    await removeMember({ ctx, userId: ann.id });
    expect((await app.inject({ method: 'GET', url: path(forAnn.url) })).statusCode).toBe(400);
    const done = await app.inject({ method: 'POST', url: path(resolve.url) });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('resolved');
    const shown = await app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.id}`, headers: (await createTokenFor(t.runtime, slug, 'viewer')).headers });
    expect(shown.json()).toMatchObject({ status: 'resolved', resolvedBy: 'signed link' });
  });
});
