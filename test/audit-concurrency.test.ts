import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyChain } from '../src/modules/audit/index.ts';
import type { AuditTables } from '../src/modules/audit/schema.ts';
import { addMember, createApiToken, revokeApiToken } from '../src/modules/auth/index.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createOrgWithOwner, TEST_PASSWORD } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

/** Each mutation acts as its own actor with its own context, as separate requests would. */
const as = (base: Ctx, i: number): Ctx => ({ ...base, actor: { type: 'user', id: `actor-${i}`, display: `actor ${i}` }, requestId: `req-${i}` });

describeEachDialect('audit chain under concurrent writers', (dialect) => {
  let t: TestRuntime;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, config: { dbPoolSize: 10 } });
  });
  afterAll(() => t.close());

  const newEvents = (orgId: string, afterSeq: number) =>
    t.runtime.db
      .withTables<AuditTables>()
      .selectFrom('audit_events')
      .select(['seq', 'actor_id', 'action'])
      .where('org_id', '=', orgId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .execute();

  it('keeps one unbroken chain with exactly one event per mutation when 200 mutations race in one organization', async () => {
    const busy = await createOrgWithOwner(t.runtime, 'busy');
    const quiet = await createOrgWithOwner(t.runtime, 'quiet', { email: busy.owner.email });
    const doomed = [];
    for (let i = 0; i < 40; i++) doomed.push(await createApiToken({ ctx: busy.ctx, input: { name: `doomed-${i}`, role: 'viewer' } }));
    const busyBefore = (await verifyChain(t.runtime.db, busy.org.id)).headSeq;
    const quietBefore = (await verifyChain(t.runtime.db, quiet.org.id)).headSeq;

    const mutations: Promise<unknown>[] = [];
    for (let i = 0; i < 200; i++) {
      const ctx = as(busy.ctx, i);
      if (i % 5 === 0) mutations.push(revokeApiToken({ ctx, id: doomed[i / 5].id }));
      else if (i % 20 === 1) mutations.push(addMember({ ctx, input: { email: `member-${i}@busy.example.com`, role: 'viewer', password: TEST_PASSWORD } }));
      else mutations.push(createApiToken({ ctx, input: { name: `raced-${i}`, role: 'responder' } }));
      if (i % 10 === 0) mutations.push(createApiToken({ ctx: as(quiet.ctx, 1000 + i), input: { name: `quiet-${i}`, role: 'viewer' } }));
    }
    await Promise.all(mutations);

    const busyAfter = await verifyChain(t.runtime.db, busy.org.id);
    expect(busyAfter).toMatchObject({ ok: true, firstBad: null, headSeq: busyBefore + 200, checked: busyBefore + 200 });
    const events = await newEvents(busy.org.id, busyBefore);
    expect(events.map((e) => Number(e.seq))).toEqual(Array.from({ length: 200 }, (_, i) => busyBefore + 1 + i));
    expect(new Set(events.map((e) => e.actor_id)).size).toBe(200);
    expect(events.filter((e) => e.action === 'token.revoke')).toHaveLength(40);
    expect(events.filter((e) => e.action === 'member.add')).toHaveLength(10);
    expect(events.filter((e) => e.action === 'token.create')).toHaveLength(150);

    const quietAfter = await verifyChain(t.runtime.db, quiet.org.id);
    expect(quietAfter).toMatchObject({ ok: true, headSeq: quietBefore + 20 });
    expect((await newEvents(quiet.org.id, quietBefore)).every((e) => e.actor_id.startsWith('actor-1'))).toBe(true);
  });
});
