import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrgWithOwner } from '../../../test/helpers/auth.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from '../../../test/helpers/runtime.ts';
import { ManualClock, SECOND } from '../../platform/clock.ts';
import { inTransaction, serviceCtx, systemActor, type Ctx } from '../../platform/context.ts';
import { createApiToken, listApiTokens, servicesOf } from '../auth/index.ts';
import { GENESIS_HASH, hashAuditEvent, listAuditEvents, recordAudit, verifyChain, type AuditEntry } from './index.ts';
import type { AuditTables } from './schema.ts';

const record = (ctx: Ctx, entry: AuditEntry) => inTransaction(ctx, (tx) => recordAudit(tx, entry));

describeEachDialect('recordAudit', (dialect) => {
  let t: TestRuntime;
  let clock: ManualClock;
  let n = 0;

  beforeAll(async () => {
    clock = new ManualClock('2026-02-02T10:00:00Z');
    t = await createTestRuntime({ dialect, clock });
  });
  afterAll(() => t.close());

  const freshCtx = (): Ctx => serviceCtx(servicesOf(t.runtime), `org-${dialect}-${++n}`, systemActor(), 'owner');
  const rows = (orgId: string) => t.runtime.db.withTables<AuditTables>().selectFrom('audit_events').selectAll().where('org_id', '=', orgId).orderBy('seq').execute();

  it('links each event to the previous one by a hash over all of its fields', async () => {
    const ctx = freshCtx();
    for (let i = 1; i <= 3; i++) {
      clock.advance(SECOND);
      expect(await record(ctx, { action: 'thing.touch', subject: { type: 'thing', id: `t${i}` }, data: { i } })).toMatchObject({ seq: i });
    }
    const stored = await rows(ctx.orgId);
    expect(stored.map((r) => Number(r.seq))).toEqual([1, 2, 3]);
    expect(stored[0].prev_hash).toBe(GENESIS_HASH);
    for (const [i, row] of stored.entries()) {
      if (i > 0) expect(row.prev_hash).toBe(stored[i - 1].hash);
      const fields = {
        orgId: ctx.orgId,
        seq: i + 1,
        at: Number(row.at),
        actor: systemActor(),
        action: 'thing.touch',
        subject: { type: 'thing', id: `t${i + 1}` },
        data: { i: i + 1 },
        prevHash: row.prev_hash,
      };
      expect(row.hash).toBe(hashAuditEvent(fields));
      expect(hashAuditEvent({ ...fields, at: fields.at + 1 })).not.toBe(row.hash);
    }
    expect(await verifyChain(t.runtime.db, ctx.orgId)).toMatchObject({ ok: true, checked: 3, headSeq: 3, lastHash: stored[2].hash });
  });

  it('keeps separate chains per organization', async () => {
    const a = freshCtx();
    const b = freshCtx();
    await record(a, { action: 'thing.touch', subject: { type: 'thing', id: 'a' } });
    await record(a, { action: 'thing.touch', subject: { type: 'thing', id: 'a' } });
    expect(await record(b, { action: 'thing.touch', subject: { type: 'thing', id: 'b' } })).toMatchObject({ seq: 1 });
    expect((await rows(b.orgId))[0].prev_hash).toBe(GENESIS_HASH);
  });

  it('removes secret-named fields, at any depth, before hashing and storing', async () => {
    const ctx = freshCtx();
    const data = { name: 'pager', settings: { webhook_url: 'https://hooks.example.com/T0/B0/xyz', nested: [{ apiKey: 'sk_live_abc' }] }, password: 'hunter2hunter2', token: null };
    await record(ctx, { action: 'channel.create', subject: { type: 'channel', id: 'c1' }, data });
    const [row] = await rows(ctx.orgId);
    expect(JSON.parse(row.data)).toEqual({ name: 'pager', settings: { webhook_url: '[redacted]', nested: [{ apiKey: '[redacted]' }] }, password: '[redacted]', token: null });
    for (const secret of ['hooks.example.com', 'sk_live_abc', 'hunter2hunter2']) expect(row.data).not.toContain(secret);
    expect((await verifyChain(t.runtime.db, ctx.orgId)).ok).toBe(true);
  });

  it('refuses to write outside a transaction', async () => {
    await expect(recordAudit(freshCtx(), { action: 'thing.touch', subject: { type: 'thing', id: 'x' } })).rejects.toThrow(/inside the mutation's transaction/);
  });

  it('vanishes with a mutation that fails after it', async () => {
    const ctx = freshCtx();
    await record(ctx, { action: 'thing.touch', subject: { type: 'thing', id: 'kept' } });
    await expect(
      inTransaction(ctx, async (tx) => {
        await recordAudit(tx, { action: 'thing.touch', subject: { type: 'thing', id: 'lost' } });
        throw new Error('the mutation failed');
      }),
    ).rejects.toThrow('the mutation failed');
    expect((await rows(ctx.orgId)).map((r) => r.subject_id)).toEqual(['kept']);
    expect(await record(ctx, { action: 'thing.touch', subject: { type: 'thing', id: 'next' } })).toMatchObject({ seq: 2 });
    expect((await verifyChain(t.runtime.db, ctx.orgId)).ok).toBe(true);
  });

  it('fails the mutation when its audit event cannot be written', async () => {
    const { org, ctx } = await createOrgWithOwner(t.runtime, `atomic-${dialect}`);
    const head = await verifyChain(t.runtime.db, org.id);
    const [last] = (await rows(org.id)).slice(-1);
    // Occupy the next sequence number, so the append collides with it.
    await t.runtime.db
      .withTables<AuditTables>()
      .insertInto('audit_events')
      .values({ ...last, seq: head.headSeq + 1, id: `squatter-${dialect}` })
      .execute();
    await expect(createApiToken({ ctx, input: { name: 'orphan', role: 'viewer' } })).rejects.toThrow();
    expect((await listApiTokens({ ctx })).map((x) => x.name)).not.toContain('orphan');
    const events = await listAuditEvents({ ctx, input: { action: 'token.create', limit: 10 } });
    expect(events.data).toEqual([]);
  });
});
