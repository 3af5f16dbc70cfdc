import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createProject, get, startErrorsApp, type ErrorsApp, type TestProject } from './errors-support.ts';
import { describeEachDialect } from './helpers/databases.ts';

const MAP = JSON.stringify({ version: 3, file: 'app.js', sources: ['src/app.ts'], sourcesContent: ['export const x = 1;\n'], names: [], mappings: 'AAAA' });

function custos(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['src/main.ts', ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, CUSTOS_LOG_LEVEL: 'error', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describeEachDialect('custos sourcemaps upload', (dialect) => {
  let e: ErrorsApp;
  let project: TestProject;
  let slug: string;
  let dir: string;

  beforeAll(async () => {
    e = await startErrorsApp(dialect, `cli-${dialect}`);
    project = await createProject(e, { slug: 'web-shop' });
    slug = 'web-shop';
    dir = mkdtempSync(join(tmpdir(), 'custos-dist-'));
    mkdirSync(join(dir, 'static', 'js'), { recursive: true });
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    writeFileSync(join(dir, 'static', 'js', 'app.js'), 'export const x=1;\n//# sourceMappingURL=app.js.map\n');
    writeFileSync(join(dir, 'static', 'js', 'app.js.map'), MAP);
    writeFileSync(join(dir, 'index.html'), '<html></html>');
    writeFileSync(join(dir, 'node_modules', 'dep.js.map'), MAP);
  });
  afterAll(async () => {
    await e.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uploads a build folder from the database side, with a URL prefix', async () => {
    const r = await custos(['sourcemaps', 'upload', '--org', `cli-${dialect}`, '--project', slug, '--release', 'web@1.0.0', '--dist', 'eu', '--dir', dir, '--url-prefix', '~/assets', '-o', 'json'], { CUSTOS_DATABASE_URL: e.t.database.url });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).data.map((f: { name: string; kind: string }) => [f.name, f.kind])).toEqual([
      ['~/assets/static/js/app.js', 'source'],
      ['~/assets/static/js/app.js.map', 'sourcemap'],
    ]);
    const listed = (await get(e, `/api/v1/projects/${project.id}/sourcemaps?release=web@1.0.0`)).data;
    expect(listed).toHaveLength(2);
    expect((await get(e, `/api/v1/projects/${project.id}/releases`)).data.map((r: { version: string }) => r.version)).toContain('web@1.0.0');
  }, 120_000);

  it('uploads through a Custos server with a token, and fails with the error code on a bad project', async () => {
    const r = await custos(['sourcemaps', 'upload', '--url', e.base, '--token', e.admin.token, '--project', project.id, '--release', 'web@1.1.0', '--dir', dir, '-o', 'json'], {});
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).data.map((f: { name: string }) => f.name)).toEqual(['~/static/js/app.js', '~/static/js/app.js.map']);
    const bad = await custos(['sourcemaps', 'upload', '--url', e.base, '--token', e.admin.token, '--project', 'nope', '--release', 'x', '--dir', dir], {});
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('PROJECT_NOT_FOUND');
  }, 120_000);
});
