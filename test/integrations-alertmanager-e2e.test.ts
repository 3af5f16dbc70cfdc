import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../src/modules/alerts/index.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { alertsByKey, createHook, deliveriesOf, integrationHarness, type CreatedHook, type IntegrationHarness, type TestOrg } from './integrations-helpers.ts';

const ALERTMANAGER = '/usr/bin/prometheus-alertmanager';
const BEARER = 'e2e-bearer-token-7f3a';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls until `check` returns a value; Alertmanager runs on its own clock, so the test waits for it. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>, log: () => string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}; Alertmanager said:\n${log()}`);
}

function alertmanagerConfig(webhookUrl: string): string {
  return [
    'global:',
    '  resolve_timeout: 5s',
    'route:',
    '  receiver: custos',
    "  group_by: ['alertname']",
    '  group_wait: 1s',
    '  group_interval: 1s',
    '  repeat_interval: 1h',
    'receivers:',
    '  - name: custos',
    '    webhook_configs:',
    `      - url: ${webhookUrl}`,
    '        send_resolved: true',
    '        http_config:',
    '          authorization:',
    '            type: Bearer',
    `            credentials: ${BEARER}`,
    '',
  ].join('\n');
}

if (!existsSync(ALERTMANAGER)) {
  process.stderr.write(`NOTICE: ${ALERTMANAGER} is missing (apt-get install prometheus-alertmanager); the Alertmanager end-to-end test is skipped.\n`);
  describe.skip('real Prometheus Alertmanager (not installed)', () => it('raises and resolves', () => {}));
} else {
  describeEachDialect('real Prometheus Alertmanager → Custos', (dialect) => {
    let h: IntegrationHarness;
    let org: TestOrg;
    let hook: CreatedHook;
    let child: ChildProcess;
    let dir: string;
    let amUrl: string;
    let output = '';

    beforeAll(async () => {
      h = await integrationHarness(dialect);
      await h.app.listen({ port: 0, host: '127.0.0.1' });
      const custos = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
      org = await h.newOrg(`am-e2e-${dialect}`);
      hook = await createHook(h.app, org, { name: 'Prometheus', type: 'alertmanager', settings: { bearerToken: BEARER }, labels: { source: 'alertmanager' } });

      dir = mkdtempSync(join(tmpdir(), 'custos-am-'));
      writeFileSync(join(dir, 'alertmanager.yml'), alertmanagerConfig(`${custos}${hook.path}`));
      const port = await freePort();
      amUrl = `http://127.0.0.1:${port}`;
      child = spawn(
        ALERTMANAGER,
        [`--config.file=${join(dir, 'alertmanager.yml')}`, `--storage.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address=', '--log.level=info'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
      await waitFor('Alertmanager to be ready', async () => ((await fetch(`${amUrl}/-/ready`).catch(() => null))?.ok ? true : undefined), () => output);
    });

    afterAll(async () => {
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
      await h?.close();
    });

    const postAlerts = async (alerts: object[]) => {
      const res = await fetch(`${amUrl}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alerts) });
      expect(res.status).toBe(200);
    };
    const alertsWhere = (test: (alerts: Alert[]) => boolean) => async () => {
      const alerts = [...(await alertsByKey(org.ctx)).values()].filter((a) => a.labels.alertname === 'QueueBacklog');
      return test(alerts) ? alerts : undefined;
    };

    it('raises the alerts Alertmanager sends and resolves them when Alertmanager does', async () => {
      const now = Date.now();
      const alert = (queue: string, endsInMs: number) => ({
        labels: { alertname: 'QueueBacklog', queue, severity: 'warning', service: 'billing' },
        annotations: { summary: `Queue ${queue} has more than 10,000 messages waiting` },
        generatorURL: 'http://prometheus.example.internal:9090/graph?g0.expr=queue_depth+%3E+10000',
        startsAt: new Date(now).toISOString(),
        endsAt: new Date(now + endsInMs).toISOString(),
      });
      // `invoices` ends by itself after a few seconds; `refunds` stays until it is posted again as resolved.
      await postAlerts([alert('invoices', 4_000), alert('refunds', 10 * 60_000)]);

      const firing = await waitFor('both alerts firing in Custos', alertsWhere((a) => a.length === 2), () => output);
      for (const a of firing) {
        expect(a.dedupKey).toMatch(/^am:[0-9a-f]{16}$/);
        expect(a).toMatchObject({ source: 'integration', severity: 'warning', labels: { service: 'billing', source: 'alertmanager' } });
        expect(a.annotations.summary).toMatch(/^Queue (invoices|refunds) has more than 10,000 messages waiting$/);
      }

      const invoicesResolved = await waitFor(
        'invoices resolved by its endsAt',
        alertsWhere((a) => a.some((x) => x.labels.queue === 'invoices' && x.status === 'resolved')),
        () => output,
      );
      expect(invoicesResolved.find((x) => x.labels.queue === 'refunds')!.status).toBe('firing');

      await postAlerts([{ ...alert('refunds', 0), endsAt: new Date().toISOString() }]);
      const resolved = await waitFor('refunds resolved after it was posted resolved', alertsWhere((a) => a.every((x) => x.status === 'resolved')), () => output);
      expect(resolved.map((a) => a.labels.queue).sort()).toEqual(['invoices', 'refunds']);

      const deliveries = await deliveriesOf(h.app, org, hook.id);
      expect(deliveries.length).toBeGreaterThanOrEqual(2);
      expect(deliveries.every((d) => d.status === 200 && d.outcome === 'processed')).toBe(true);
      expect(deliveries.some((d) => d.event === 'resolved' || d.changes.some((c: { action: string }) => c.action === 'resolve'))).toBe(true);
    });
  });
}
