import { describe, expect, it } from 'vitest';
import { CURRENT_GROUPING_CONFIG, createGroupingConfigs, normalizeMessage } from './index.ts';
import { normalizeFilename } from './frames.ts';

const frame = (fn: string, line: number, extra: Record<string, unknown> = {}) => ({ filename: '/srv/app/src/checkout.js', module: 'src:checkout', function: fn, lineno: line, colno: 3, in_app: true, context_line: `  ${fn}();`, ...extra });
const synthetic = (line: number) => ({ message: 'Cache miss 12', exception: { values: [{ value: 'Cache miss 12', mechanism: { synthetic: true }, stacktrace: { frames: [frame('warm', line)] } }] } });
const error = (type: string, value: string, frames: unknown[], extra: Record<string, unknown> = {}) => ({ exception: { values: [{ type, value, stacktrace: { frames } }] }, ...extra });

describe('normalizeMessage', () => {
  it('replaces numbers, UUIDs, hex, e-mails, IPs, URLs and dates', () => {
    expect(normalizeMessage('Order 42 failed for bob@example.com from 10.1.2.3:8080 at 2026-01-02T10:00:00Z')).toBe('Order <int> failed for <email> from <ip> at <date>');
    expect(normalizeMessage('GET https://api.example.com/v1/users/17?x=1 answered 502 (req 550e8400-e29b-41d4-a716-446655440000)')).toBe('GET <url> answered <int> (req <uuid>)');
    expect(normalizeMessage('pointer 0xdeadbeef, digest 9f86d081884c7d65, v2 ok, ::1 and fe80::1ff:fe23:4567:890a')).toBe('pointer <hex>, digest <hex>, v2 ok, <ip> and <ip>');
    expect(normalizeMessage('took 12.5 ms on 01/02/2026 at 10:20:30')).toBe('took <int> ms on <date> at <time>');
  });
});

describe('grouping configs', () => {
  const configs = createGroupingConfigs();
  const hash = (event: Record<string, unknown>) => configs.hash(CURRENT_GROUPING_CONFIG, event);

  it('groups an exception by type and in-app frames, not by its message or line numbers', () => {
    const a = error('TypeError', 'x is undefined (order 1)', [frame('handler', 10), frame('charge', 20)]);
    const b = error('TypeError', 'x is undefined (order 2)', [frame('handler', 11), frame('charge', 25)]);
    expect(hash(a)).toBe(hash(b));
    expect(hash(a)).not.toBe(hash(error('RangeError', 'x', [frame('handler', 10), frame('charge', 20)])));
    expect(hash(a)).not.toBe(hash(error('TypeError', 'x', [frame('handler', 10), frame('refund', 20)])));
  });

  it('ignores library frames when the app has frames, and build hashes in file names', () => {
    const lib = { filename: '/srv/app/node_modules/express/router.js', function: 'next', lineno: 1, in_app: false };
    const a = error('E', 'v', [lib, frame('charge', 20, { module: undefined, filename: 'https://cdn.example.com/static/main.3f2a1b9c.js' })]);
    const b = error('E', 'v', [{ ...lib, function: 'dispatch' }, frame('charge', 20, { module: undefined, filename: 'https://cdn2.example.com/static/main.77aa11bb.js' })]);
    expect(hash(a)).toBe(hash(b));
    expect(normalizeFilename('https://cdn.example.com/static/main.3f2a1b9c.js?v=3')).toBe('/static/main.<hash>.js');
  });

  it('groups messages by their normalized text, and a captured message with a synthetic stack by its message', () => {
    expect(hash({ message: 'User 42 signed in' })).toBe(hash({ message: 'User 77 signed in' }));
    expect(hash({ logentry: { message: 'User %s signed in', params: ['a'] } })).toBe(hash({ logentry: { message: 'User %s signed in', params: ['b'] } }));
    expect(hash(synthetic(1))).toBe(hash({ message: 'Cache miss 99' }));
  });

  it('uses the client fingerprint first, with {{ default }} standing for the default grouping', () => {
    const a = error('E', 'v', [frame('charge', 1)], { fingerprint: ['payments', '{{ default }}'] });
    const b = error('E', 'v', [frame('charge', 1)]);
    expect(hash(a)).not.toBe(hash(b));
    expect(hash(a)).toBe(hash({ ...b, fingerprint: ['payments', '{{default}}'] }));
    expect(hash({ message: 'x', fingerprint: ['db-down'] })).toBe(hash(error('Other', 'y', [frame('f', 1)], { fingerprint: ['db-down'] })));
    expect(hash({ message: 'x', fingerprint: ['{{ error.type }}'] })).toBe(hash({ message: 'z', fingerprint: ['{{ error.type }}'] }));
  });
});
