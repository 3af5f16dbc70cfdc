import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { getChainHead } from '../src/modules/audit/index.ts';
import { createApiToken, servicesOf } from '../src/modules/auth/index.ts';
import { checkpointProblem, rotateSigningKey, scheduleEvidenceHour, type Checkpoint, type PublicKeyRecord } from '../src/modules/evidence/index.ts';
import { HOUR, ManualClock } from '../src/platform/clock.ts';
import { cliActor } from '../src/platform/context.ts';
import { createOrgWithOwner, createTokenFor, type OrgWithOwner } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { drainJobs, storedCheckpoints } from './helpers/evidence.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

describeEachDialect('evidence checkpoints', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let clock: ManualClock;
  let org: OrgWithOwner;
  let keys: () => Promise<{ current: string; data: PublicKeyRecord[] }>;

  beforeAll(async () => {
    clock = new ManualClock('2026-05-04T10:30:00Z');
    t = await createTestRuntime({ dialect, clock });
    app = await buildApp(t.runtime, { runsJobs: false });
    org = await createOrgWithOwner(t.runtime, `cp-${dialect}`);
    const viewer = await createTokenFor(t.runtime, org.org.slug, 'viewer');
    keys = async () => (await app.inject({ method: 'GET', url: '/api/v1/audit/keys', headers: viewer.headers })).json();
    await scheduleEvidenceHour(t.runtime.db, clock.now(), clock.now());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('signs each organization’s chain head every hour with a 0600 key from the data directory', async () => {
    await drainJobs(t.runtime);
    const [first] = await storedCheckpoints(t.runtime, org.org.id);
    const head = await getChainHead(t.runtime.db, org.org.id);
    expect(first).toMatchObject({ seq: head.seq, hash: head.hash, at: '2026-05-04T10:30:00.000Z' });
    expect(checkpointProblem(first, (await keys()).data)).toBeNull();
    if (process.platform !== 'win32') expect(statSync(join(t.runtime.config.dataDir, 'signing.key')).mode & 0o777).toBe(0o600);

    await createApiToken({ ctx: org.ctx, input: { name: 'moves the head', role: 'viewer' } });
    clock.advance(HOUR);
    await drainJobs(t.runtime);
    const all = await storedCheckpoints(t.runtime, org.org.id);
    expect(all).toHaveLength(2);
    expect(all[1].seq).toBe(head.seq + 1);
    await drainJobs(t.runtime);
    expect(await storedCheckpoints(t.runtime, org.org.id)).toHaveLength(2);
  });

  it('rejects a checkpoint whose head, time or signature was changed', async () => {
    const [cp] = await storedCheckpoints(t.runtime, org.org.id);
    const { data } = await keys();
    const changed: Checkpoint[] = [{ ...cp, seq: cp.seq + 1 }, { ...cp, hash: 'f'.repeat(64) }, { ...cp, at: '2026-05-04T11:30:00.000Z' }, { ...cp, signature: Buffer.alloc(64).toString('base64') }];
    for (const c of changed) expect(checkpointProblem(c, data)).toBe('bad signature');
    expect(checkpointProblem({ ...cp, keyId: 'nope' }, data)).toMatch(/unknown key/);
  });

  it('rotates the key and keeps old checkpoints verifiable with the old public key', async () => {
    const before = await keys();
    const rotated = await rotateSigningKey({ services: servicesOf(t.runtime), actor: cliActor() });
    expect(rotated.previousKeyId).toBe(before.current);
    clock.advance(HOUR);
    await drainJobs(t.runtime);
    const after = await keys();
    expect(after.current).toBe(rotated.keyId);
    expect(after.data.find((k) => k.keyId === before.current)).toMatchObject({ validTo: new Date(clock.now() - HOUR).toISOString() });
    const all = await storedCheckpoints(t.runtime, org.org.id);
    expect(all.map((c) => c.keyId)).toEqual([before.current, before.current, rotated.keyId]);
    for (const c of all) expect(checkpointProblem(c, after.data)).toBeNull();
    // An old key cannot sign for a time after it was retired.
    expect(checkpointProblem({ ...all[2], keyId: before.current }, after.data)).toMatch(/outside its validity/);
  });

  it('answers the public keys to any member and nothing to anonymous callers', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/audit/keys' })).statusCode).toBe(401);
    const { data } = await keys();
    expect(data.every((k) => k.publicKey.startsWith('-----BEGIN PUBLIC KEY-----'))).toBe(true);
  });
});
