import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import tls from 'node:tls';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { auditModule } from '../src/modules/audit/index.ts';
import { authModule } from '../src/modules/auth/index.ts';
import { MonitorScheduler } from '../src/modules/monitors/engine/index.ts';
import { runNext } from '../src/modules/monitors/engine/test-helpers.ts';
import { createDefaultProbeRegistry, createMonitor, createMonitorsModule } from '../src/modules/monitors/index.ts';
import { closeServer, createTestCa, createTestCert, listen, startHttpServer } from '../src/modules/monitors/probes/test-helpers.ts';
import type { MonitorTables } from '../src/modules/monitors/schema.ts';
import { ManualClock } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createOrgWithOwner } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

describeEachDialect('MonitorScheduler results', (dialect) => {
  let t: TestRuntime;
  let clock: ManualClock;
  let ctx: Ctx;
  let s: MonitorScheduler | undefined;
  const probes = createDefaultProbeRegistry();

  beforeEach(async () => {
    clock = new ManualClock(Math.floor(Date.now() / 1000) * 1000);
    t = await createTestRuntime({ dialect, clock, modules: [auditModule, authModule, createMonitorsModule()] });
    ctx = (await createOrgWithOwner(t.runtime, 'results')).ctx;
  });
  afterEach(async () => {
    await s?.stop(1000);
    await t?.close();
  });

  const q = () => t.runtime.db.withTables<MonitorTables>();

  it('keeps a certificate inventory from TLS results: first seen once, last seen on every check', async () => {
    const ca = await createTestCa();
    const pem = await createTestCert({ ca });
    const server = tls.createServer(pem, (socket) => socket.end());
    const port = await listen(server);
    try {
      const m = await createMonitor({ ctx, probes, input: { name: 'cert', type: 'tls', settings: { host: '127.0.0.1', port, ca: ca.cert }, labels: {}, interval: 3600, confirmDown: 2, confirmUp: 1, paused: false } });
      s = new MonitorScheduler({ ...t.runtime, clock, probes });
      await s.activate();
      const first = await runNext(s, clock);
      await s.flush();
      const second = await runNext(s, clock);
      await s.flush();

      const certs = await q().selectFrom('tls_certificates').selectAll().where('monitor_id', '=', m.id).execute();
      const x509 = new X509Certificate(pem.cert);
      expect(certs).toHaveLength(1);
      expect(certs[0]).toMatchObject({ org_id: ctx.orgId, fingerprint: x509.fingerprint256, serial: x509.serialNumber, issuer: 'CN=Custos Test CA', key_type: 'ec' });
      expect([Number(certs[0].first_seen_at), Number(certs[0].last_seen_at), Number(certs[0].not_after)]).toEqual([first, second, x509.validToDate.getTime()]);
    } finally {
      await closeServer(server);
    }
  });

  it('exposes check, lateness, gap and state metrics that promtool accepts', async () => {
    const target = await startHttpServer((_req, res) => res.end('ok'));
    try {
      await createMonitor({ ctx, probes, input: { name: 'x', type: 'http', settings: { url: target.url }, labels: {}, interval: 60, confirmDown: 2, confirmUp: 1, paused: false } });
      s = new MonitorScheduler({ ...t.runtime, clock, probes });
      await s.activate();
      await runNext(s, clock);
      await runNext(s, clock);
      await s.flush();
      const text = await t.runtime.metrics.registry.metrics();
      expect(text).toContain('custos_checks_total{outcome="up"} 2');
      expect(text).toContain('custos_monitors{state="up"} 1');
      expect(text).toMatch(/custos_schedule_lateness_seconds_count 2/);
      expect(text).toMatch(/custos_check_duration_seconds_count\{type="http"\} 2/);
      expect(text).toContain('# TYPE custos_coverage_gaps_total counter');
      if (existsSync('/usr/bin/promtool')) expect(execFileSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' })).toBe('');
    } finally {
      await target.close();
    }
  });
});
