import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMemberTo, createOrgWithOwner, type OrgWithOwner, type TestUser } from '../../../test/helpers/auth.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from '../../../test/helpers/runtime.ts';
import { verifyChain } from '../audit/index.ts';
import { changeMemberRole, listMembers, removeMember } from './index.ts';

const ownersOf = async (org: OrgWithOwner) => (await listMembers({ ctx: org.ctx })).filter((m) => m.role === 'owner');

describeEachDialect('changeMemberRole and removeMember', (dialect) => {
  let t: TestRuntime;
  let n = 0;
  const people: string[] = [];

  beforeAll(async () => {
    t = await createTestRuntime({ dialect });
    await createOrgWithOwner(t.runtime, 'people');
    for (const name of ['olga', 'oscar']) people.push((await addMemberTo(t.runtime, 'people', 'viewer', `${name}@example.com`)).email);
  });
  afterAll(() => t.close());

  /** Organizations with exactly two owners, reusing existing users so no password is hashed. */
  async function twoOwnerOrgs(count: number): Promise<{ org: OrgWithOwner; first: TestUser; second: TestUser }[]> {
    const made = [];
    for (let i = 0; i < count; i++) {
      const slug = `owners-${++n}`;
      const org = await createOrgWithOwner(t.runtime, slug, { email: people[0] });
      const second = await addMemberTo(t.runtime, slug, 'owner', people[1]);
      made.push({ org, first: org.owner, second });
    }
    return made;
  }

  it('keeps an owner when two owners are demoted at the same moment', async () => {
    const orgs = await twoOwnerOrgs(6);
    await Promise.all(
      orgs.map(async ({ org, first, second }) => {
        const results = await Promise.allSettled([
          changeMemberRole({ ctx: org.ctx, userId: first.id, input: { role: 'admin' } }),
          changeMemberRole({ ctx: { ...org.ctx, requestId: 'other' }, userId: second.id, input: { role: 'admin' } }),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'LAST_OWNER' } });
        expect(await ownersOf(org)).toHaveLength(1);
        expect((await verifyChain(t.runtime.db, org.org.id)).ok).toBe(true);
      }),
    );
  });

  it('keeps an owner when two owners are removed at the same moment', async () => {
    const orgs = await twoOwnerOrgs(6);
    await Promise.all(
      orgs.map(async ({ org, first, second }) => {
        const results = await Promise.allSettled([removeMember({ ctx: org.ctx, userId: first.id }), removeMember({ ctx: { ...org.ctx, requestId: 'other' }, userId: second.id })]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'LAST_OWNER' } });
        expect(await ownersOf(org)).toHaveLength(1);
      }),
    );
  });

  it('records a role change with before and after, and nothing when the role is unchanged', async () => {
    const [{ org, second }] = await twoOwnerOrgs(1);
    const before = (await verifyChain(t.runtime.db, org.org.id)).headSeq;
    await changeMemberRole({ ctx: org.ctx, userId: second.id, input: { role: 'owner' } });
    expect((await verifyChain(t.runtime.db, org.org.id)).headSeq).toBe(before);
    const changed = await changeMemberRole({ ctx: org.ctx, userId: second.id, input: { role: 'auditor' } });
    expect(changed).toMatchObject({ userId: second.id, role: 'auditor' });
    expect((await verifyChain(t.runtime.db, org.org.id)).headSeq).toBe(before + 1);
  });

  it('answers MEMBER_NOT_FOUND for a user outside the organization', async () => {
    const [{ org }] = await twoOwnerOrgs(1);
    const outsider = (await createOrgWithOwner(t.runtime, `outside-${++n}`)).owner;
    await expect(changeMemberRole({ ctx: org.ctx, userId: outsider.id, input: { role: 'viewer' } })).rejects.toMatchObject({ code: 'MEMBER_NOT_FOUND' });
    await expect(removeMember({ ctx: org.ctx, userId: outsider.id })).rejects.toMatchObject({ code: 'MEMBER_NOT_FOUND' });
  });
});
