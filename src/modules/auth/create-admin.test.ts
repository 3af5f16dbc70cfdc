import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { TEST_PASSWORD } from '../../../test/helpers/auth.ts';
import { createTestRuntime, type TestRuntime } from '../../../test/helpers/runtime.ts';
import { listAuditEvents, verifyChain } from '../audit/index.ts';
import { cliActor, serviceCtx } from '../../platform/context.ts';
import { addMember, createAdmin, listMembers, servicesOf } from './index.ts';

describeEachDialect('createAdmin', (dialect) => {
  let t: TestRuntime;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect });
  });
  afterAll(() => t.close());

  const admin = (email: string, orgSlug: string) => createAdmin({ services: servicesOf(t.runtime), actor: cliActor(), input: { email, password: TEST_PASSWORD, orgSlug } });
  const actionsOf = async (orgId: string) => {
    const ctx = serviceCtx(servicesOf(t.runtime), orgId, cliActor(), 'auditor');
    return (await listAuditEvents({ ctx, input: { limit: 50 } })).data.map((e) => e.action).toReversed();
  };

  it('creates the user, the organization and the membership once, and nothing the second time', async () => {
    const first = await admin('alpha@example.com', 'alpha');
    expect(first.created).toEqual({ user: true, org: true, membership: true });
    expect(await actionsOf(first.org.id)).toEqual(['org.create', 'member.add', 'user.create']);
    const second = await admin('ALPHA@example.com', 'alpha');
    expect(second.created).toEqual({ user: false, org: false, membership: false });
    expect(second.user.id).toBe(first.user.id);
    expect(await actionsOf(first.org.id)).toHaveLength(3);
  });

  it('gives an existing user a new organization without claiming to have created the user', async () => {
    const first = await admin('beta@example.com', 'beta');
    const other = await admin('beta@example.com', 'beta-two');
    expect(other.created).toEqual({ user: false, org: true, membership: true });
    expect(other.user.id).toBe(first.user.id);
    expect(await actionsOf(other.org.id)).toEqual(['org.create', 'member.add']);
    expect((await verifyChain(t.runtime.db, other.org.id)).ok).toBe(true);
  });

  it('makes an existing member of the organization its owner, audited as a role change', async () => {
    const org = await admin('gamma@example.com', 'gamma');
    const ctx = serviceCtx(servicesOf(t.runtime), org.org.id, cliActor());
    await addMember({ ctx, input: { email: 'delta@example.com', role: 'viewer', password: TEST_PASSWORD } });
    const promoted = await admin('delta@example.com', 'gamma');
    expect(promoted.created).toEqual({ user: false, org: false, membership: true });
    expect((await listMembers({ ctx })).find((m) => m.email === 'delta@example.com')?.role).toBe('owner');
    expect((await actionsOf(org.org.id)).at(-1)).toBe('member.role_change');
  });
});
