import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createProject, startErrorsApp, type ErrorsApp, type TestProject } from './errors-support.ts';
import { describeEachDialect } from './helpers/databases.ts';

const ALLOWED: Record<number, string[]> = {
  400: ['ENVELOPE_INVALID', 'EVENT_INVALID', 'INGEST_DECOMPRESSION_FAILED', 'INGEST_PROJECT_INVALID'],
  401: ['INGEST_AUTH_MISSING', 'INGEST_KEY_INVALID'],
  413: ['ENVELOPE_TOO_LARGE', 'EVENT_TOO_LARGE'],
  415: ['INGEST_ENCODING_UNSUPPORTED'],
};

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

const VALID_ITEMS = [
  ['{"type":"event"}', '{"message":"fuzz","level":"error","extra":{"n":1}}'],
  ['{"type":"transaction"}', '{"type":"transaction","transaction":"/x","spans":[]}'],
  ['{"type":"session"}', '{"sid":"a","status":"ok"}'],
  ['{"type":"client_report"}', '{"discarded_events":[{"reason":"queue_overflow","category":"error","quantity":2}]}'],
  ['{"type":"attachment","length":5}', 'ab\ncd'],
  ['{"type":"unknown_thing"}', 'whatever'],
];

const padding = Buffer.alloc(8 * 1024 * 1024, 0x20);
const BOMBS: [Buffer, string][] = [
  [gzipSync(Buffer.concat([Buffer.from('{}\n{"type":"event"}\n'), padding]), { level: 1 }), 'gzip'],
  [deflateSync(padding, { level: 1 }), 'deflate'],
  [brotliCompressSync(padding, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }), 'br'],
];

/** A valid envelope of 1–4 items, then (usually) damaged in one of several ways. */
function fuzzCase(random: () => number, dsn: string): { body: Buffer; encoding?: string; label: string } {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const items = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(VALID_ITEMS));
  const withLengths = random() < 0.5;
  let text = `${JSON.stringify({ event_id: crypto.randomUUID().replaceAll('-', ''), ...(random() < 0.3 ? { dsn } : {}) })}\n`;
  for (const [header, payload] of items) {
    const h = withLengths && !header.includes('length') ? header.replace('}', `,"length":${Buffer.byteLength(payload)}}`) : header;
    text += `${h}\n${payload}\n`;
  }
  let body = Buffer.from(text);
  const mutation = pick(['none', 'flip', 'truncate', 'insert', 'length', 'json', 'random', 'empty', 'nested-gzip', 'bomb', 'encoding']);
  switch (mutation) {
    case 'flip':
      for (let i = 0; i < 1 + random() * 5; i++) body[Math.floor(random() * body.length)] = Math.floor(random() * 256);
      break;
    case 'truncate':
      body = body.subarray(0, Math.floor(random() * body.length));
      break;
    case 'insert': {
      const at = Math.floor(random() * body.length);
      body = Buffer.concat([body.subarray(0, at), Buffer.from(pick(['\n', '{', '}', '"', '\u0000', '\n\n', '{"type":"event"}\n'])), body.subarray(at)]);
      break;
    }
    case 'length':
      body = Buffer.from(body.toString('latin1').replace(/"length":\d+/, `"length":${pick([0, 1, 3, 999, 2 ** 40, -1])}`), 'latin1');
      break;
    case 'json':
      body = Buffer.from(body.toString('latin1').replace(pick(['"message":"fuzz"', '"type":"transaction"', '"sid":"a"', '"discarded_events"']), pick(['"message":', 'type:', '[', '"sid":undefined'])), 'latin1');
      break;
    case 'random':
      body = Buffer.from(Array.from({ length: Math.floor(random() * 300) }, () => Math.floor(random() * 256)));
      break;
    case 'empty':
      body = Buffer.alloc(0);
      break;
    case 'nested-gzip':
      return { body: gzipSync(gzipSync(body)), encoding: 'gzip, gzip', label: mutation };
    case 'bomb': {
      const [bomb, encoding] = pick(BOMBS);
      return { body: bomb, encoding, label: mutation };
    }
    case 'encoding':
      return { body, encoding: pick(['gzip', 'br', 'deflate', 'compress', 'gzip, gzip, gzip']), label: mutation };
  }
  const encoding = random() < 0.3 ? 'gzip' : undefined;
  return { body: encoding ? gzipSync(body) : body, encoding, label: mutation };
}

describeEachDialect('envelope parser fuzzing over HTTP', (dialect) => {
  let e: ErrorsApp;
  let project: TestProject;

  beforeAll(async () => {
    e = await startErrorsApp(dialect, `fuzz-${dialect}`, { errors: { limits: { maxCompressedBytes: 512 * 1024, maxInflatedBytes: 2 * 1024 * 1024, maxEventBytes: 256 * 1024 } } });
    project = await createProject(e);
  });
  afterAll(() => e.close());

  const queued = async () => Number((await sql<{ n: number }>`select count(*) as n from error_ingest_queue`.execute(e.t.runtime.db)).rows[0].n);

  it('answers every random or damaged envelope with 200 or a catalogued 4xx, and queues nothing for a refusal', async () => {
    const random = seeded(dialect === 'sqlite' ? 7 : 11);
    const problems: string[] = [];
    const seen = new Map<string, number>();
    let accepted = 0;
    for (let i = 0; i < 400; i++) {
      const c = fuzzCase(random, project.dsn);
      const before = await queued();
      const res = await e.app.inject({
        method: 'POST',
        url: `/api/${project.number}/${random() < 0.15 ? 'store' : 'envelope'}/?sentry_key=${project.publicKey}`,
        headers: c.encoding ? { 'content-encoding': c.encoding } : {},
        payload: c.body,
      });
      const after = await queued();
      const status = res.statusCode;
      const code = status === 200 ? 'OK' : (res.json().error?.code as string);
      seen.set(`${status} ${code}`, (seen.get(`${status} ${code}`) ?? 0) + 1);
      if (status === 200) {
        accepted++;
        if (after - before > 1) problems.push(`#${i} ${c.label}: one request queued ${after - before} rows`);
      } else {
        if (!ALLOWED[status]?.includes(code)) problems.push(`#${i} ${c.label}: ${status} ${code}`);
        if (after !== before) problems.push(`#${i} ${c.label}: refused with ${code} but queued ${after - before} rows`);
      }
    }
    expect(problems).toEqual([]);
    expect(accepted).toBeGreaterThan(40);
    expect([...seen.keys()].filter((k) => !k.startsWith('200')).length).toBeGreaterThan(3);
    const summary = await e.digest();
    expect(summary.failedRows).toBe(0);
    expect(await queued()).toBe(0);
  });
});
