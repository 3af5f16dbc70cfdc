import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { hashAuditEvent, verifyChain } from '../src/modules/audit/index.ts';
import type { AuditTables } from '../src/modules/audit/schema.ts';
import { addMember, changeMemberRole, createApiToken, revokeApiToken } from '../src/modules/auth/index.ts';
import { addMemberTo, createOrgWithOwner, createTokenFor, type TestToken } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const run = promisify(execFile);
const OWNER = 'owner@tamper.example.com';
const MEMBERS = ['ann@tamper.example.com', 'ben@tamper.example.com'];

interface Chain {
  slug: string;
  orgId: string;
  auditor: TestToken;
  headSeq: number;
}

describeEachDialect('audit chain tampering', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let n = 0;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect });
    app = await buildApp(t.runtime, { runsJobs: false });
    await createOrgWithOwner(t.runtime, 'seed', { email: OWNER });
    for (const email of MEMBERS) await addMemberTo(t.runtime, 'seed', 'viewer', email);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const audit = () => t.runtime.db.withTables<AuditTables>();
  const eventAt = (chain: Chain, seq: number) =>
    audit().selectFrom('audit_events').selectAll().where('org_id', '=', chain.orgId).where('seq', '=', seq).executeTakeFirstOrThrow();

  /** Writes an event straight into the table, with the hash a forger would compute for it. */
  async function plant(fields: Parameters<typeof hashAuditEvent>[0]): Promise<string> {
    const hash = hashAuditEvent(fields);
    await audit()
      .insertInto('audit_events')
      .values({
        org_id: fields.orgId,
        seq: fields.seq,
        id: `forged-${randomBytes(4).toString('hex')}`,
        at: fields.at,
        actor_type: fields.actor.type,
        actor_id: fields.actor.id,
        actor_display: fields.actor.display,
        action: fields.action,
        subject_type: fields.subject.type,
        subject_id: fields.subject.id,
        data: JSON.stringify(fields.data),
        prev_hash: fields.prevHash,
        hash,
      })
      .execute();
    return hash;
  }

  /** An organization whose chain holds a dozen events written by the real verbs. */
  async function buildChain(): Promise<Chain> {
    const slug = `tamper-${dialect}-${++n}`;
    const { org, ctx } = await createOrgWithOwner(t.runtime, slug, { email: OWNER });
    const auditor = await createTokenFor(t.runtime, slug, 'auditor');
    const members = [];
    for (const email of MEMBERS) members.push(await addMember({ ctx, input: { email, role: 'viewer' } }));
    const tokens = [];
    for (const name of ['ci', 'deploy', 'backup']) tokens.push(await createApiToken({ ctx, input: { name, role: 'responder' } }));
    await revokeApiToken({ ctx, id: tokens[0].id });
    await changeMemberRole({ ctx, userId: members[0].userId, input: { role: 'responder' } });
    const check = await verifyChain(t.runtime.db, org.id);
    expect(check.ok).toBe(true);
    expect(check.headSeq).toBeGreaterThanOrEqual(10);
    return { slug, orgId: org.id, auditor, headSeq: check.headSeq };
  }

  async function verifyWithCli(slug: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = { ...process.env, CUSTOS_DATABASE_URL: t.database.url, CUSTOS_LOG_LEVEL: 'error' };
    try {
      return { code: 0, ...(await run(process.execPath, ['src/main.ts', 'audit', 'verify', '--org', slug], { env })) };
    } catch (err) {
      const failed = err as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  async function expectBroken(chain: Chain, seq: number, reason: string, { cli: viaCli = true } = {}): Promise<void> {
    const res = await app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: chain.auditor.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, firstBad: { seq, reason } });
    if (!viaCli) return;
    const cli = await verifyWithCli(chain.slug);
    expect(cli.code, cli.stderr).toBe(1);
    expect(cli.stdout).toMatch(new RegExp(`^BROKEN at event ${seq}: ${reason}\\b`, 'm'));
  }

  it('verifies an untampered chain, by the API and by the CLI', async () => {
    const chain = await buildChain();
    const res = await app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: chain.auditor.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, checked: chain.headSeq, headSeq: chain.headSeq, firstBad: null });
    const cli = await verifyWithCli(chain.slug);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(`ok: ${chain.headSeq} events`);
  });

  it('detects one changed byte in an event’s data as a hash mismatch at that event', async () => {
    const chain = await buildChain();
    const { data } = await eventAt(chain, 5);
    const at = data.search(/"[a-z]/) + 1;
    const forged = `${data.slice(0, at)}${data[at] === 'x' ? 'y' : 'x'}${data.slice(at + 1)}`;
    expect(() => JSON.parse(forged)).not.toThrow();
    await audit().updateTable('audit_events').set({ data: forged }).where('org_id', '=', chain.orgId).where('seq', '=', 5).execute();
    await expectBroken(chain, 5, 'hash_mismatch');
  });

  it('detects a deleted event in the middle as a gap at its sequence number', async () => {
    const chain = await buildChain();
    await audit().deleteFrom('audit_events').where('org_id', '=', chain.orgId).where('seq', '=', 5).execute();
    await expectBroken(chain, 5, 'gap');
  });

  it('detects two swapped events as a reorder at the lower sequence number', async () => {
    const chain = await buildChain();
    const move = (from: number, to: number) =>
      audit().updateTable('audit_events').set({ seq: to }).where('org_id', '=', chain.orgId).where('seq', '=', from).execute();
    await move(4, -1);
    await move(7, 4);
    await move(-1, 7);
    await expectBroken(chain, 4, 'reorder');
  });

  it('detects a forged event with a valid hash but a foreign previous link, even with the head moved to it', async () => {
    const chain = await buildChain();
    const last = await eventAt(chain, chain.headSeq);
    const forged = {
      orgId: chain.orgId,
      seq: chain.headSeq + 1,
      at: Number(last.at) + 1000,
      actor: { type: 'user', id: 'mallory', display: 'mallory@example.com' },
      action: 'member.add',
      subject: { type: 'user', id: 'mallory' },
      data: { role: 'owner' },
      prevHash: randomBytes(32).toString('hex'),
    };
    const hash = await plant(forged);
    await audit().updateTable('audit_heads').set({ seq: forged.seq, hash }).where('org_id', '=', chain.orgId).execute();
    await expectBroken(chain, chain.headSeq + 1, 'foreign_insert');
  });

  it('detects a deleted last event as a head mismatch at that event', async () => {
    const chain = await buildChain();
    await audit().deleteFrom('audit_events').where('org_id', '=', chain.orgId).where('seq', '=', chain.headSeq).execute();
    await expectBroken(chain, chain.headSeq, 'head_mismatch');
  });

  it('detects a well-linked event appended behind the head’s back, naming the appended event', async () => {
    const chain = await buildChain();
    const last = await eventAt(chain, chain.headSeq);
    const fields = {
      orgId: chain.orgId,
      seq: chain.headSeq + 1,
      at: Number(last.at) + 1000,
      actor: { type: 'cli', id: 'cli', display: 'custos CLI' },
      action: 'org.update',
      subject: { type: 'org', id: chain.orgId },
      data: { after: { name: 'Forged' } },
      prevHash: last.hash,
    };
    await plant(fields);
    await expectBroken(chain, chain.headSeq + 1, 'head_mismatch', { cli: false });
  });
});
