import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from '../../../test/helpers/runtime.ts';
import { ManualClock, SECOND } from '../clock.ts';
import { newId } from '../ids.ts';
import { createLogger } from '../logger.ts';
import { enqueueJob, getJob } from './queue.ts';
import { JobRunner, PermanentJobError, RetryLaterError } from './runner.ts';

describeEachDialect('JobRunner', (dialect) => {
  let t: TestRuntime;
  let clock: ManualClock;
  let kind: string;

  beforeEach(async () => {
    clock = new ManualClock('2026-03-01T00:00:00Z');
    t = await createTestRuntime({ dialect, clock, modules: [] });
    kind = `test-${newId()}`;
  });
  afterEach(() => t.close());

  const runner = (workerId: string, leaseMs = 10 * SECOND) =>
    new JobRunner({
      db: t.runtime.db,
      dialect: t.runtime.dialect,
      clock,
      logger: createLogger({ level: 'silent' }),
      concurrency: 8,
      leaseMs,
      pollMs: 50,
      workerId,
      random: () => 0.5,
    });

  it('runs a due job once and never again after it completed', async () => {
    const a = runner('a');
    let runs = 0;
    a.register(kind, async () => {
      runs++;
    });
    const id = await enqueueJob(t.runtime.db, clock.now(), { kind, dueAt: clock.now() });
    expect((await a.runOnce()).completed).toBe(1);
    clock.advance(3_600 * SECOND);
    expect((await a.runOnce()).claimed).toBe(0);
    expect(runs).toBe(1);
    expect((await getJob(t.runtime.db, id!))?.status).toBe('done');
  });

  it('completes a job in the handler\'s transaction, together with its work or not at all', async () => {
    const a = runner('a');
    let runs = 0;
    a.register(kind, async ({ db, complete }) => {
      runs++;
      await db.transaction().execute(async (tx) => {
        expect(await complete(tx)).toBe(true);
        if (runs === 1) throw new Error('rolled back after completing');
      });
    });
    const id = await enqueueJob(t.runtime.db, clock.now(), { kind, dueAt: clock.now() });
    expect((await a.runOnce()).retried).toBe(1);
    expect((await getJob(t.runtime.db, id!))?.status).toBe('pending');
    clock.advance(3_600 * SECOND);
    expect((await a.runOnce()).completed).toBe(1);
    expect((await getJob(t.runtime.db, id!))?.status).toBe('done');
    expect(runs).toBe(2);
  });

  it('does not run a job before its due time', async () => {
    const a = runner('a');
    a.register(kind, async () => undefined);
    await enqueueJob(t.runtime.db, clock.now(), { kind, dueAt: clock.now() + 5 * SECOND });
    expect((await a.runOnce()).claimed).toBe(0);
    clock.advance(5 * SECOND);
    expect((await a.runOnce()).completed).toBe(1);
  });

  it('never lets two workers hold the same job at once', async () => {
    const workers = [runner('a'), runner('b'), runner('c')];
    const holders = new Map<string, number>();
    let overlaps = 0;
    let runs = 0;
    for (const w of workers) {
      w.register<{ n: number }>(kind, async ({ job }) => {
        const key = String(job.payload.n);
        if (holders.get(key)) overlaps++;
        holders.set(key, 1);
        runs++;
        await new Promise((r) => setTimeout(r, 5));
        holders.set(key, 0);
      });
    }
    for (let n = 0; n < 40; n++) await enqueueJob(t.runtime.db, clock.now(), { kind, dueAt: clock.now(), payload: { n } });
    for (let round = 0; round < 10; round++) await Promise.all(workers.map((w) => w.runOnce()));
    expect(overlaps).toBe(0);
    expect(runs).toBe(40);
  });

  it('lets another worker take over a job whose holder died, after the lease', async () => {
    const dead = runner('dead', 10 * SECOND);
    let release!: () => void;
    dead.register(kind, () => new Promise<void>((r) => (release = r)));
    await enqueueJob(t.runtime.db, clock.now(), { kind, dueAt: clock.now() });
    const abandoned = dead.runOnce();
    await new Promise((r) => setTimeout(r, 20));

    const alive = runner('alive');
    let ran = 0;
    alive.register(kind, async () => {
      ran++;
    });
    expect((await alive.runOnce()).claimed).toBe(0);
    clock.advance(11 * SECOND);
    expect((await alive.runOnce()).completed).toBe(1);
    expect(ran).toBe(1);

    release();
    await abandoned;
    clock.advance(3_600 * SECOND);
    expect((await alive.runOnce()).claimed).toBe(0);
  });

  it('retries with backoff and fails for good after max attempts', async () => {
    const a = runner('a');
    let attempts = 0;
    a.register(kind, async () => {
      attempts++;
      throw new Error('receiver down');
    });
    const id = await enqueueJob(t.runtime.db, clock.now(), { kind, dueAt: clock.now(), maxAttempts: 3 });
    expect((await a.runOnce()).retried).toBe(1);
    expect((await a.runOnce()).claimed).toBe(0);
    clock.advance(a.backoff(1));
    expect((await a.runOnce()).retried).toBe(1);
    clock.advance(a.backoff(2));
    expect((await a.runOnce()).failed).toBe(1);
    clock.advance(3_600 * SECOND);
    expect((await a.runOnce()).claimed).toBe(0);
    expect(attempts).toBe(3);
    const row = await getJob(t.runtime.db, id!);
    expect(row?.status).toBe('failed');
    expect(row?.last_error).toBe('receiver down');
  });

  it('honours a retry time chosen by the handler and stops on a permanent error', async () => {
    const a = runner('a');
    let calls = 0;
    a.register(kind, async () => {
      calls++;
      if (calls === 1) throw new RetryLaterError('429', clock.now() + 42 * SECOND);
      throw new PermanentJobError('400 bad request');
    });
    await enqueueJob(t.runtime.db, clock.now(), { kind, dueAt: clock.now() });
    await a.runOnce();
    clock.advance(41 * SECOND);
    expect((await a.runOnce()).claimed).toBe(0);
    clock.advance(1 * SECOND);
    expect((await a.runOnce()).failed).toBe(1);
    expect(calls).toBe(2);
  });

  it('ignores a second enqueue with the same idempotency key', async () => {
    const key = `k-${newId()}`;
    const first = await enqueueJob(t.runtime.db, clock.now(), { kind, dueAt: clock.now(), idempotencyKey: key });
    const second = await enqueueJob(t.runtime.db, clock.now(), { kind, dueAt: clock.now(), idempotencyKey: key });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    const a = runner('a');
    let runs = 0;
    a.register(kind, async () => {
      runs++;
    });
    await a.runOnce();
    expect(runs).toBe(1);
  });

  it('hands unfinished jobs back on stop without counting the attempt', async () => {
    const a = runner('a');
    a.register(kind, ({ signal }) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve())));
    const id = await enqueueJob(t.runtime.db, clock.now(), { kind, dueAt: clock.now() });
    a.start();
    for (let i = 0; i < 100 && a.inFlight === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(a.inFlight).toBe(1);
    await a.stop(50);
    const row = await getJob(t.runtime.db, id!);
    expect(row?.status).toBe('pending');
    expect(row?.attempts).toBe(0);
  });

  describe('registerBatch', () => {
    it('claims up to the batch size of due jobs of its kind and completes them together', async () => {
      const a = runner('a');
      const batches: number[][] = [];
      a.registerBatch<{ n: number }>(
        kind,
        async ({ jobs }) => {
          batches.push(jobs.map((j) => j.payload.n));
          return new Map();
        },
        { size: 3 },
      );
      const ids = [];
      for (let n = 0; n < 5; n++) ids.push(await enqueueJob(t.runtime.db, clock.now(), { kind, dueAt: clock.now() + n, payload: { n } }));
      await enqueueJob(t.runtime.db, clock.now(), { kind, dueAt: clock.now() + 10 * SECOND, payload: { n: 99 } });
      clock.advance(SECOND);
      expect(await a.runOnce()).toMatchObject({ claimed: 3, completed: 3 });
      expect(await a.runOnce()).toMatchObject({ claimed: 2, completed: 2 });
      expect((await a.runOnce()).claimed).toBe(0);
      expect(batches).toEqual([
        [0, 1, 2],
        [3, 4],
      ]);
      for (const id of ids) expect((await getJob(t.runtime.db, id!))?.status).toBe('done');
    });

    it('retries only the jobs the handler reports as failed', async () => {
      const a = runner('a');
      const seen: number[] = [];
      a.registerBatch<{ n: number }>(
        kind,
        async ({ jobs }) => {
          seen.push(...jobs.map((j) => j.payload.n));
          const failures = new Map<string, unknown>();
          for (const j of jobs) {
            if (j.payload.n === 1) failures.set(j.id, new Error('receiver down'));
            if (j.payload.n === 2) failures.set(j.id, new PermanentJobError('400 bad request'));
          }
          return failures;
        },
        { size: 10 },
      );
      const ids = [];
      for (let n = 0; n < 3; n++) ids.push(await enqueueJob(t.runtime.db, clock.now(), { kind, dueAt: clock.now() + n, payload: { n } }));
      clock.advance(SECOND);
      expect(await a.runOnce()).toMatchObject({ claimed: 3, completed: 1, retried: 1, failed: 1 });
      const rows = await Promise.all(ids.map((id) => getJob(t.runtime.db, id!)));
      expect(rows.map((r) => r?.status)).toEqual(['done', 'pending', 'failed']);
      expect(rows[1]?.last_error).toBe('receiver down');
      clock.advance(a.backoff(1));
      expect(await a.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
      expect(seen).toEqual([0, 1, 2, 1]);
    });

    it('fails every job of a batch whose handler throws', async () => {
      const a = runner('a');
      a.registerBatch(kind, async () => Promise.reject(new Error('database gone')), { size: 10 });
      for (let n = 0; n < 2; n++) await enqueueJob(t.runtime.db, clock.now(), { kind, dueAt: clock.now(), payload: { n } });
      expect(await a.runOnce()).toMatchObject({ claimed: 2, completed: 0, retried: 2 });
    });

    it('lets another worker take over a batch whose holder died, and the late finisher completes nothing', async () => {
      const dead = runner('dead', 10 * SECOND);
      let release!: () => void;
      dead.registerBatch(kind, () => new Promise<Map<string, unknown>>((r) => (release = () => r(new Map()))), { size: 10 });
      for (let n = 0; n < 2; n++) await enqueueJob(t.runtime.db, clock.now(), { kind, dueAt: clock.now(), payload: { n } });
      const abandoned = dead.runOnce();
      await new Promise((r) => setTimeout(r, 20));

      const alive = runner('alive');
      let ran = 0;
      alive.registerBatch(
        kind,
        async ({ jobs }) => {
          ran += jobs.length;
          return new Map();
        },
        { size: 10 },
      );
      expect((await alive.runOnce()).claimed).toBe(0);
      clock.advance(11 * SECOND);
      expect(await alive.runOnce()).toMatchObject({ claimed: 2, completed: 2 });
      expect(ran).toBe(2);

      release();
      expect(await abandoned).toMatchObject({ claimed: 2, completed: 0 });
      clock.advance(3_600 * SECOND);
      expect((await alive.runOnce()).claimed).toBe(0);
    });

    it('leaves the other slots to single jobs', async () => {
      const a = runner('a');
      const single = `${kind}-single`;
      let singles = 0;
      a.register(single, async () => {
        singles++;
      });
      a.registerBatch(kind, async () => new Map(), { size: 100 });
      for (let n = 0; n < 20; n++) await enqueueJob(t.runtime.db, clock.now(), { kind, dueAt: clock.now() - 1 });
      for (let n = 0; n < 5; n++) await enqueueJob(t.runtime.db, clock.now(), { kind: single, dueAt: clock.now() });
      expect(await a.runOnce()).toMatchObject({ claimed: 25, completed: 25 });
      expect(singles).toBe(5);
    });
  });
});
