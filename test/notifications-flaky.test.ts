import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditModule } from '../src/modules/audit/index.ts';
import { authModule } from '../src/modules/auth/index.ts';
import { createNotificationsModule, NOTIFICATION_SEND, updateNotificationSettings } from '../src/modules/notifications/index.ts';
import { ManualClock } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { sql } from '../src/platform/db/index.ts';
import { enqueueJob, type JobTables } from '../src/platform/jobs/index.ts';
import { createOrgWithOwner } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import type { ReceiverReport } from './notifications-flaky-receiver.ts';
import { makeChannel, Receiver, sampleMessage } from './notifications-helpers.ts';

/**
 * THE 10,000-NOTIFICATION TEST, the slowest in the suite. A webhook receiver fails about half of
 * all requests (5xx, 429 with Retry-After: 1, answers slower than the per-attempt timeout,
 * connection resets), driven through the real JobRunner at high concurrency with a ManualClock
 * that jumps ahead whenever nothing is due. Notifications arrive 10 ms apart on the
 * clock (100 s for all of them), as a burst of alerts would. PostgreSQL runs 1,000.
 */
const COUNT = { sqlite: 10_000, postgres: 1_000 };
const ARRIVAL_GAP_MS = 10;
const TIMEOUT_MS = 2000;

async function startFlakyReceiver(): Promise<{ url: string; report(): Promise<ReceiverReport>; close(): Promise<void> }> {
  const worker = new Worker(new URL('./notifications-flaky-receiver.ts', import.meta.url), { workerData: { role: 'flaky-receiver', slowMs: 3 * TIMEOUT_MS } });
  const next = <T>() => new Promise<T>((resolve) => worker.once('message', resolve));
  // A worker's postMessage takes no target origin (the lint rule is about window.postMessage).
  const send = (msg: string) => worker.postMessage(msg); // oxlint-disable-line unicorn/require-post-message-target-origin
  const { url } = await next<{ url: string }>();
  return {
    url,
    async report() {
      send('report');
      return (await next<{ report: ReceiverReport }>()).report;
    },
    async close() {
      send('close');
      await new Promise((r) => worker.once('exit', r));
    },
  };
}

describeEachDialect('10,000 notifications against flaky receivers', (dialect) => {
  let t: TestRuntime;
  let clock: ManualClock;
  let ctx: Ctx;
  let flaky: Awaited<ReturnType<typeof startFlakyReceiver>>;
  let fallbackBox: Receiver;

  beforeAll(async () => {
    clock = new ManualClock('2026-03-01T00:00:00Z');
    const notifications = createNotificationsModule({ delivery: { attemptTimeoutMs: TIMEOUT_MS, backoffBaseMs: 1000, backoffMaxMs: 30_000 } });
    t = await createTestRuntime({ dialect, clock, modules: [auditModule, authModule, notifications], config: { jobConcurrency: 256, jobPollMs: 10, jobLeaseMs: 3_600_000 } });
    ctx = (await createOrgWithOwner(t.runtime, 'flaky')).ctx;
    flaky = await startFlakyReceiver();
    fallbackBox = await Receiver.start(() => ({ status: 200 }));
  });
  afterAll(async () => {
    await flaky.close();
    await fallbackBox.close();
    await t.close();
  });

  const jobs = () => t.runtime.db.withTables<JobTables>();

  it(`delivers or fails every notification with receipts, loses none, and duplicates only under one key`, { timeout: 900_000 }, async () => {
    const count = COUNT[dialect];
    const secret = 'whsec_flaky_receiver_0001';
    const channel = await makeChannel(t.runtime, ctx, { name: 'flaky', type: 'webhook', settings: { url: `${flaky.url}/in`, secret } });
    const fallback = await makeChannel(t.runtime, ctx, { name: 'fallback', type: 'webhook', settings: { url: fallbackBox.url, secret } });
    await updateNotificationSettings({ ctx, input: { fallbackChannelId: fallback.id } });
    const message = sampleMessage({}, ctx.orgId);
    await t.runtime.db.transaction().execute(async (tx) => {
      for (let i = 0; i < count; i++) {
        const dispatchId = `d${String(i).padStart(5, '0')}`;
        const payload = { orgId: ctx.orgId, channelId: channel.id, dispatchId, message: { ...message, groupKey: `g${i}` } };
        await enqueueJob(tx, clock.now(), { kind: NOTIFICATION_SEND, orgId: ctx.orgId, payload, idempotencyKey: `notify:${dispatchId}:${channel.id}`, dueAt: clock.now() + i * ARRIVAL_GAP_MS });
      }
    });

    const started = performance.now();
    const cpu = process.cpuUsage();
    t.runtime.runner.start();
    let advances = 0;
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      const now = clock.now();
      const { rows } = await sql<{ running: number; due: number; open: number; next: number | null }>`
        select sum(case when status = 'running' then 1 else 0 end) as running, sum(case when status = 'pending' and due_at <= ${now} then 1 else 0 end) as due,
               count(*) as open, min(case when status = 'pending' then due_at end) as next
        from jobs where kind = ${NOTIFICATION_SEND} and status in ('pending', 'running')`.execute(t.runtime.db);
      const state = rows[0];
      if (Number(state.open) === 0) break;
      if (Number(state.due) > 0 || state.next === null) continue;
      // Nothing is due: jump to the next due time, at least a second on, without waiting for the
      // attempts in flight (their leases last an hour of this clock, so none is taken over).
      clock.set(Math.max(Number(state.next), now + 1000));
      advances++;
    }
    await t.runtime.runner.stop(1000);
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(cpu));

    const seen = new Map((await flaky.report()).map(([key, modes, messages]) => [key, { modes, messages }]));
    const q = t.runtime.db.withTables<any>();
    const deliveries: { id: string; state: string; attempts: number; fallback: number }[] = await q.selectFrom('notification_deliveries').select(['id', 'state', 'attempts', 'fallback']).execute();
    const receipts: { delivery_id: string; attempt: number; state: string }[] = await q.selectFrom('notification_receipts').select(['delivery_id', 'attempt', 'state']).where('org_id', '=', ctx.orgId).execute();
    const main = deliveries.filter((d) => !d.fallback);
    const byDelivery = new Map<string, { attempt: number; state: string }[]>();
    for (const r of receipts) byDelivery.set(r.delivery_id, [...(byDelivery.get(r.delivery_id) ?? []), r]);

    // None lost: every notification reached a final state, with one receipt per attempt ending in that state.
    expect(main).toHaveLength(count);
    const problems: string[] = [];
    for (const d of main) {
      const rs = (byDelivery.get(d.id) ?? []).toSorted((a, b) => a.attempt - b.attempt);
      const modes = seen.get(d.id)?.modes ?? [];
      if (!['delivered', 'failed'].includes(d.state)) problems.push(`${d.id}: ${d.state}`);
      if (rs.length !== d.attempts || rs.at(-1)?.state !== d.state) problems.push(`${d.id}: receipts ${rs.map((r) => r.state)} for ${d.attempts} attempts`);
      if (rs.some((r, i) => r.attempt !== i + 1)) problems.push(`${d.id}: attempt numbers ${rs.map((r) => r.attempt)}`);
      // No request reaches the receiver without a receipt; a delivery ends delivered only after the
      // receiver answered 2xx (a late answer counts when it beat the timer on a starved event loop).
      // A 2xx answered after its attempt gave up is the duplicate at-least-once allows.
      if (modes.length > rs.length) problems.push(`${d.id}: receiver saw ${modes.length} requests, receipts ${rs.length}`);
      if (d.state === 'delivered' && !['ok', 'slow'].includes(modes.at(-1) ?? '')) problems.push(`${d.id}: delivered after ${modes}`);
      if ((seen.get(d.id)?.messages ?? 1) !== 1) problems.push(`${d.id}: a retry changed the message`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect([...seen.keys()].every((k) => k.startsWith('notify:'))).toBe(true);

    const failed = main.filter((d) => d.state === 'failed').length;
    const raised = await jobs().selectFrom('jobs').select('idempotency_key').where('kind', '=', 'alert.raise').where('org_id', '=', ctx.orgId).execute();
    // Every failed notification went on to the fallback channel (itself delivered with receipts, or
    // failed too on a machine starved enough to time out a healthy receiver) and raised a self-alert.
    const fallbacks = deliveries.filter((d) => d.fallback);
    expect(fallbacks).toHaveLength(failed);
    expect(fallbacks.filter((d) => !['delivered', 'failed'].includes(d.state))).toEqual([]);
    expect(raised).toHaveLength(failed);
    const fallbackKeys = new Set(fallbackBox.requests.map((r) => r.headers['idempotency-key']));
    expect(fallbackKeys.size).toBeGreaterThanOrEqual(fallbacks.filter((d) => d.state === 'delivered').length);
    expect(fallbackKeys.size).toBeLessThanOrEqual(failed);

    const attempts = main.reduce((n, d) => n + d.attempts, 0);
    const duplicates = [...seen.values()].filter((e) => e.modes.filter((m) => m === 'ok' || m === 'slow').length > 1).length;
    process.stderr.write(
      `flaky receivers [${dialect}]: ${count} notifications in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s CPU), ${attempts} attempts, ${receipts.length} receipts, ` +
        `${count - failed} delivered, ${failed} failed (each sent to the fallback), ${duplicates} keys the receiver accepted more than once (same key), ${advances} clock advances\n`,
    );
  });
});
