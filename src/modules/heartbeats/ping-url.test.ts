import { describe, expect, it } from 'vitest';
import { parsePingUrl, parseRid } from './ping-url.ts';

const UUID = '5b8e6c4a-1f0e-4c1b-9d0e-2a3b4c5d6e7f';
const KEY = 'abcdefghijklmnopqrstuv';

describe('parsePingUrl', () => {
  it('reads the uuid forms', () => {
    expect(parsePingUrl([UUID])).toMatchObject({ ok: true, target: { pingId: UUID }, action: { kind: 'success', filterable: true } });
    expect(parsePingUrl([UUID.toUpperCase(), 'start'])).toMatchObject({ ok: true, target: { pingId: UUID }, action: { kind: 'start' } });
    expect(parsePingUrl([UUID, 'fail'])).toMatchObject({ action: { kind: 'fail', filterable: false } });
    expect(parsePingUrl([UUID, 'log'])).toMatchObject({ action: { kind: 'log' } });
    expect(parsePingUrl([UUID, '0'])).toMatchObject({ action: { kind: 'success', exitStatus: 0, filterable: false } });
    expect(parsePingUrl([UUID, '255'])).toMatchObject({ action: { kind: 'fail', exitStatus: 255 } });
  });

  it('answers 400 for an exit status above 255 or not a number', () => {
    for (const bad of ['256', '1000000000', '-1', 'abc', '1.5']) expect(parsePingUrl([UUID, bad])).toEqual({ ok: false, status: 400, message: 'invalid url format' });
  });

  it('reads the slug forms and rejects malformed slugs with 400', () => {
    expect(parsePingUrl([KEY, 'nightly-backup'])).toMatchObject({ ok: true, target: { key: KEY, slug: 'nightly-backup' }, action: { kind: 'success' } });
    expect(parsePingUrl([KEY, 'db_dump', '3'])).toMatchObject({ ok: true, action: { kind: 'fail', exitStatus: 3 } });
    for (const bad of ['Nightly', 'a b', '-x', 'x'.repeat(101), 'ünicode']) expect(parsePingUrl([KEY, bad])).toMatchObject({ ok: false, status: 400 });
  });

  it('answers 404 for what cannot name a check', () => {
    expect(parsePingUrl(['not-a-uuid'])).toMatchObject({ ok: false, status: 404 });
    expect(parsePingUrl(['short', 'slug'])).toMatchObject({ ok: false, status: 404 });
    expect(parsePingUrl([UUID, 'start', 'extra'])).toMatchObject({ ok: false, status: 404 });
  });
});

describe('parseRid', () => {
  it('takes uuids only', () => {
    expect(parseRid(undefined)).toEqual({ ok: true, rid: null });
    expect(parseRid(UUID.toUpperCase())).toEqual({ ok: true, rid: UUID });
    expect(parseRid('run-1')).toEqual({ ok: false });
  });
});
