import { describe, expect, it } from 'vitest';
import { clipToDay, piecesOf } from './calendar-pieces.ts';
import type { Shift } from './types.ts';

const H = 3_600_000;
const t0 = Date.parse('2026-11-23T00:00:00Z');
const shift = (userId: string, from: number, to: number): Shift => ({ userId, userName: userId, start: new Date(t0 + from * H).toISOString(), end: new Date(t0 + to * H).toISOString(), source: { type: 'layer', id: 'l1' } });

describe('piecesOf', () => {
  it('fills the gaps between shifts and cuts shifts to the range', () => {
    const pieces = piecesOf([shift('b', 12, 30), shift('a', -5, 9)], t0, t0 + 24 * H);
    expect(pieces.map((p) => [p.shift?.userId ?? null, (p.start - t0) / H, (p.end - t0) / H])).toEqual([
      ['a', 0, 9],
      [null, 9, 12],
      ['b', 12, 24],
    ]);
  });

  it('is one gap when nobody is on call', () => {
    expect(piecesOf([], t0, t0 + 24 * H)).toEqual([{ start: t0, end: t0 + 24 * H, shift: null }]);
  });
});

describe('clipToDay', () => {
  it('positions the pieces of one day in percent', () => {
    const day = clipToDay(piecesOf([shift('a', 6, 18)], t0, t0 + 48 * H), t0, t0 + 24 * H);
    expect(day.map((d) => [d.piece.shift?.userId ?? null, d.left, d.width])).toEqual([
      [null, 0, 25],
      ['a', 25, 50],
      [null, 75, 25],
    ]);
  });
});
