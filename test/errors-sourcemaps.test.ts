import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encode, type SourceMapSegment } from '@jridgewell/sourcemap-codec';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createProject, get, sentryClient, startErrorsApp, type ErrorsApp, type TestProject } from './errors-support.ts';
import { describeEachDialect } from './helpers/databases.ts';

// A tiny bundle built by hand: the original module, its one-line minified form (names mangled),
// and a valid version 3 source map whose segments are computed from both texts below.
const ORIGINAL = [
  'export function applyCoupon(basket, code) {',
  '  const coupon = lookupCoupon(code);',
  '  return basket.total - coupon.amount;',
  '}',
  '',
  'function lookupCoupon(code) {',
  "  if (!code.startsWith('SPRING')) {",
  '    throw new Error(`Unknown coupon ${code}`);',
  '  }',
  '  return { amount: 5 };',
  '}',
  '',
  'export function checkout(basket, code) {',
  '  return applyCoupon(basket, code);',
  '}',
].join('\n');
const MINIFIED_LINE = 'function a(n,t){const o=r(t);return n.total-o.amount}function r(n){if(!n.startsWith("SPRING"))throw new Error("Unknown coupon "+n);return{amount:5}}export function c(n,t){return a(n,t)}';
const DEBUG_ID = '6c4a1f0e-2b3d-4e5f-8a9b-0c1d2e3f4a5b';
// What Sentry's bundler plugins inject so the SDK can tell the file's debug id.
const DEBUG_ID_SNIPPET = `!function(){try{var e=globalThis,n=(new e.Error).stack;n&&(e._sentryDebugIds=e._sentryDebugIds||{},e._sentryDebugIds[n]="${DEBUG_ID}")}catch(e){}}();`;
const NAMES = ['applyCoupon', 'lookupCoupon', 'checkout'];
/** The 1-based column of a token in the minified line, as a browser stack reports it. */
const col = (token: string) => MINIFIED_LINE.indexOf(token) + 1;
const frame = (fn: string, token: string) => ({ abs_path: 'https://shop.example.com/static/js/app.min.js?v=9', filename: 'https://shop.example.com/static/js/app.min.js', function: fn, lineno: 1, colno: col(token), in_app: true });

/** [minified token, original line (0-based), original token, name index] → one segment each. */
function sourceMap(file: string): string {
  const lines = ORIGINAL.split('\n');
  const at = (line: number, token: string) => lines[line].indexOf(token);
  const marks: [string, number, string, number | undefined][] = [
    ['function a(', 0, 'export function applyCoupon', 0],
    ['r(t)', 1, 'lookupCoupon(code)', 1],
    ['return n.total', 2, 'return basket', undefined],
    ['function r(', 5, 'function lookupCoupon', 1],
    ['new Error', 7, 'new Error', undefined],
    ['export function c', 12, 'export function checkout', 2],
    ['a(n,t)}', 13, 'applyCoupon(basket', 0],
  ];
  const segments: SourceMapSegment[] = marks.map(([min, line, orig, name]) => {
    const col = MINIFIED_LINE.indexOf(min);
    if (col < 0 || at(line, orig) < 0) throw new Error(`no ${min} / ${orig}`);
    return name === undefined ? [col, 0, line, at(line, orig)] : [col, 0, line, at(line, orig), name];
  });
  return JSON.stringify({ version: 3, file, sources: ['webpack://shop/src/checkout.js'], sourcesContent: [ORIGINAL], names: NAMES, mappings: encode([segments, [], []]), debugId: DEBUG_ID });
}

describeEachDialect('symbolication with uploaded source maps', (dialect) => {
  let e: ErrorsApp;
  let project: TestProject;
  let dir: string;

  beforeAll(async () => {
    e = await startErrorsApp(dialect, `maps-${dialect}`);
    project = await createProject(e);
    dir = mkdtempSync(join(tmpdir(), 'custos-bundle-'));
  });
  afterAll(async () => {
    await e.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = async (body: Record<string, unknown>) => {
    const res = await e.app.inject({ method: 'POST', url: `/api/v1/projects/${project.id}/sourcemaps`, headers: e.admin.headers, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const latestFrames = async (query: string) => {
    await e.digest();
    const [issue] = (await get(e, `/api/v1/issues?projectId=${project.id}&query=${encodeURIComponent(query)}`)).data;
    const detail = await get(e, `/api/v1/issues/${issue.id}`);
    return { issue, frames: detail.latestEvent.data.exception.values.at(-1).stacktrace.frames as Record<string, unknown>[] };
  };

  it('maps a real SDK stack from a minified bundle through its debug id: original file, line, column, names and source lines', async () => {
    const file = join(dir, 'app.min.js');
    writeFileSync(file, `${MINIFIED_LINE}\n${DEBUG_ID_SNIPPET}\n//# debugId=${DEBUG_ID}\n`);
    const uploaded = await upload({ files: [{ name: '~/app.min.js.map', content: Buffer.from(sourceMap('app.min.js')).toString('base64') }] });
    expect(uploaded.files).toEqual([expect.objectContaining({ name: '~/app.min.js.map', kind: 'sourcemap', debugId: DEBUG_ID, release: null })]);
    const bundle = (await import(pathToFileURL(file).href)) as { c(basket: unknown, code: string): number };
    const { scope, flush } = sentryClient(project.dsn, { release: 'shop@5.0.0' });
    try {
      bundle.c({ total: 20 }, 'WINTER');
    } catch (err) {
      scope.captureException(err);
    }
    expect(await flush()).toBe(true);
    const { issue, frames } = await latestFrames('Unknown coupon');
    const mapped = frames.filter((f) => (f.data as { symbolicated?: boolean } | undefined)?.symbolicated);
    // The outermost frame keeps the name it ran under: nothing in the bundle called it.
    expect(mapped.map((f) => [f.function, f.filename, f.lineno])).toEqual([
      ['Module.c', '/src/checkout.js', 14],
      ['applyCoupon', '/src/checkout.js', 2],
      ['lookupCoupon', '/src/checkout.js', 8],
    ]);
    const top = mapped.at(-1)!;
    expect(top).toMatchObject({ abs_path: 'webpack://shop/src/checkout.js', colno: 11, context_line: '    throw new Error(`Unknown coupon ${code}`);', pre_context: expect.arrayContaining(['function lookupCoupon(code) {']), post_context: ['  }', '  return { amount: 5 };', '}', '', 'export function checkout(basket, code) {'] });
    expect(top.data).toMatchObject({ minified: { lineno: 1, function: 'r' } });
    expect(issue.culprit).toBe('/src/checkout.js in lookupCoupon');
  });

  it('maps a browser stack by release, dist and file URL (~/ prefix), and groups builds by the original frames', async () => {
    await upload({ release: 'shop@5.1.0', dist: 'web', files: [{ name: '~/static/js/app.min.js.map', content: Buffer.from(sourceMap('app.min.js')).toString('base64') }] });
    const event = { platform: 'javascript', release: 'shop@5.1.0', dist: 'web', message: 'ignored', exception: { values: [{ type: 'Error', value: 'Unknown coupon AUTUMN', stacktrace: { frames: [frame('c', 'a(n,t)}'), frame('a', 'r(t)'), frame('r', 'new Error')] } }] } };
    const res = await e.app.inject({ method: 'POST', url: `/api/${project.number}/store/?sentry_key=${project.publicKey}`, payload: event });
    expect(res.statusCode).toBe(200);
    const { issue, frames } = await latestFrames('AUTUMN');
    expect(frames.map((f) => [f.function, f.lineno, f.colno])).toEqual([
      ['c', 14, 10],
      ['applyCoupon', 2, 18],
      ['lookupCoupon', 8, 11],
    ]);
    expect(issue.culprit).toBe('/src/checkout.js in lookupCoupon');
    const unmapped = await e.app.inject({ method: 'POST', url: `/api/${project.number}/store/?sentry_key=${project.publicKey}`, payload: { ...event, dist: 'other', exception: { values: [{ ...event.exception.values[0], value: 'Unknown coupon SUMMER' }] } } });
    expect(unmapped.statusCode).toBe(200);
    const second = await latestFrames('SUMMER');
    expect(second.frames.map((f) => f.function)).toEqual(['c', 'a', 'r']);
    expect(second.issue.id).not.toBe(issue.id);
  });

  it('refuses a file that claims to be a source map but is not, naming it', async () => {
    const res = await e.app.inject({ method: 'POST', url: `/api/v1/projects/${project.id}/sourcemaps`, headers: e.admin.headers, payload: { release: 'shop@5.1.0', files: [{ name: '~/x.js.map', content: Buffer.from('{"version":2}').toString('base64') }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'SOURCEMAP_INVALID', details: { issues: [{ path: 'files.0.content' }] } });
  });
});
