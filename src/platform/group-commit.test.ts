import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.ts';
import { createLogger } from './logger.ts';

const logger = createLogger({ level: 'silent' });

describe('GroupCommit', () => {
  it('writes concurrent submissions in shared batches and answers each after its batch', async () => {
    const batches: number[][] = [];
    const committed = new Set<number>();
    const batcher = new GroupCommit<number, string>({
      logger,
      name: 'test',
      maxBatch: 10,
      write: async (items) => {
        batches.push(items);
        await new Promise((r) => setTimeout(r, 5));
        for (const i of items) committed.add(i);
        return items.map((i) => `ok ${i}`);
      },
    });
    const answers = await Promise.all(
      Array.from({ length: 35 }, async (_, i) => {
        const answer = await batcher.submit(i);
        expect(committed.has(i)).toBe(true);
        return answer;
      }),
    );
    expect(answers).toEqual(Array.from({ length: 35 }, (_, i) => `ok ${i}`));
    expect(batches.length).toBeLessThan(35);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(10);
    expect(batches.flat()).toEqual(Array.from({ length: 35 }, (_, i) => i));
  });

  it('never writes two batches at once with concurrency 1', async () => {
    let writing = 0;
    let overlap = 0;
    const batcher = new GroupCommit<number, number>({
      logger,
      name: 'test',
      maxBatch: 3,
      write: async (items) => {
        if (++writing > 1) overlap++;
        await new Promise((r) => setTimeout(r, 2));
        writing--;
        return items;
      },
    });
    await Promise.all(Array.from({ length: 20 }, (_, i) => batcher.submit(i)));
    expect(overlap).toBe(0);
  });

  it('fails only the item that cannot be written when its batch fails', async () => {
    const batcher = new GroupCommit<number, number>({
      logger,
      name: 'test',
      write: async (items) => {
        if (items.includes(13)) throw new Error('bad item');
        return items.map((i) => i * 2);
      },
    });
    const results = await Promise.allSettled([1, 13, 2].map((i) => batcher.submit(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[0]).toMatchObject({ value: 2 });
  });

  it('drains what was submitted', async () => {
    let written = 0;
    const batcher = new GroupCommit<number, number>({ logger, name: 'test', maxWaitMs: 20, write: async (items) => ((written += items.length), items) });
    const pending = [batcher.submit(1), batcher.submit(2)];
    await batcher.drain();
    expect(written).toBe(2);
    await Promise.all(pending);
  });

  it('keeps a batch under its byte limit, an oversized item alone', async () => {
    const batches: number[][] = [];
    const commit = new GroupCommit<number>({ logger, name: 'test', maxBatchBytes: 10, sizeOf: (i) => i, write: async (items) => void batches.push(items) });
    await Promise.all([4, 4, 4, 30, 1].map((i) => commit.submit(i)));
    expect(batches).toEqual([[4, 4], [4], [30], [1]]);
  });

  it('takes its defaults for options given as undefined', async () => {
    const commit = new GroupCommit<number, number>({ logger, name: 'test', maxBatch: undefined, maxWaitMs: undefined, write: async (items) => items });
    expect(await commit.submit(7)).toBe(7);
  });
});
