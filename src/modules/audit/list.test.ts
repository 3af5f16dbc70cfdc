import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from '../../../test/helpers/runtime.ts';
import { ManualClock, SECOND } from '../../platform/clock.ts';
import { inTransaction, serviceCtx, type Actor, type Ctx, type Role } from '../../platform/context.ts';
import { servicesOf } from '../auth/index.ts';
import { ListAuditEventsInput, listAuditEvents, recordAudit } from './index.ts';

describeEachDialect('listAuditEvents', (dialect) => {
  let t: TestRuntime;
  let clock: ManualClock;
  let start: number;
  const orgId = `list-${dialect}`;

  const ctxAs = (role: Role, actor: Actor = { type: 'system', id: 'system', display: 'Custos' }): Ctx => serviceCtx(servicesOf(t.runtime), orgId, actor, role);
  const list = (query: Record<string, unknown>, role: Role = 'auditor') => listAuditEvents({ ctx: ctxAs(role), input: ListAuditEventsInput.parse(query) });
  const subjects = async (query: Record<string, unknown>) => (await list(query)).data.map((e) => `${e.action} ${e.subject.id}`);

  beforeAll(async () => {
    clock = new ManualClock('2026-03-03T08:00:00Z');
    start = clock.now();
    t = await createTestRuntime({ dialect, clock });
    const script: [Actor, string, string, string][] = [
      [{ type: 'user', id: 'u1', display: 'ann@example.com' }, 'monitor.create', 'monitor', 'm1'],
      [{ type: 'apiToken', id: 'tk1', display: 'token ci' }, 'monitor.update', 'monitor', 'm1'],
      [{ type: 'system', id: 'system', display: 'Custos' }, 'incident.open', 'incident', 'i1'],
      [{ type: 'user', id: 'u2', display: 'ben@example.com' }, 'monitor.delete', 'monitor', 'm2'],
    ];
    for (const [actor, action, type, id] of script) {
      await inTransaction(ctxAs('owner', actor), (tx) => recordAudit(tx, { action, subject: { type, id } }));
      clock.advance(SECOND);
    }
    await inTransaction(serviceCtx(servicesOf(t.runtime), `${orgId}-other`, { type: 'user', id: 'u1', display: 'ann' }), (tx) =>
      recordAudit(tx, { action: 'monitor.create', subject: { type: 'monitor', id: 'elsewhere' } }),
    );
  });
  afterAll(() => t.close());

  it('lists the organization’s events newest first', async () => {
    expect(await subjects({})).toEqual(['monitor.delete m2', 'incident.open i1', 'monitor.update m1', 'monitor.create m1']);
  });

  it('filters by exact action or by an action prefix', async () => {
    expect(await subjects({ action: 'monitor.update' })).toEqual(['monitor.update m1']);
    expect(await subjects({ action: 'monitor.' })).toEqual(['monitor.delete m2', 'monitor.update m1', 'monitor.create m1']);
    expect(await subjects({ action: 'monitor' })).toEqual([]);
  });

  it('filters by actor type or actor id', async () => {
    expect(await subjects({ actor: 'user' })).toEqual(['monitor.delete m2', 'monitor.create m1']);
    expect(await subjects({ actor: 'tk1' })).toEqual(['monitor.update m1']);
  });

  it('filters by subject type or type:id', async () => {
    expect(await subjects({ subject: 'monitor' })).toHaveLength(3);
    expect(await subjects({ subject: 'monitor:m1' })).toEqual(['monitor.update m1', 'monitor.create m1']);
  });

  it('filters by a time range, inclusive from and exclusive to', async () => {
    expect(await subjects({ from: start + SECOND, to: start + 3 * SECOND })).toEqual(['incident.open i1', 'monitor.update m1']);
  });

  it('pages with a cursor until nextCursor is null', async () => {
    const first = await list({ limit: 3 });
    expect(first.data.map((e) => e.seq)).toEqual([4, 3, 2]);
    expect(first.nextCursor).toBe('2');
    const second = await list({ limit: 3, cursor: first.nextCursor });
    expect(second.data.map((e) => e.seq)).toEqual([1]);
    expect(second.nextCursor).toBeNull();
  });

  it('is open to auditors, admins and owners only', async () => {
    expect((await list({}, 'admin')).data).toHaveLength(4);
    for (const role of ['responder', 'viewer'] as const) await expect(list({}, role)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
