import type { Shift } from './types.ts';

export interface Piece {
  start: number;
  end: number;
  /** Null for a stretch with nobody on call. */
  shift: Shift | null;
}

/** The shifts over [from, to) with the gaps between them made explicit, in time order. */
export function piecesOf(shifts: Shift[], from: number, to: number): Piece[] {
  const pieces: Piece[] = [];
  let at = from;
  for (const shift of [...shifts].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))) {
    const start = Math.max(Date.parse(shift.start), from);
    const end = Math.min(Date.parse(shift.end), to);
    if (end <= start) continue;
    if (start > at) pieces.push({ start: at, end: start, shift: null });
    pieces.push({ start, end, shift });
    at = Math.max(at, end);
  }
  if (at < to) pieces.push({ start: at, end: to, shift: null });
  return pieces;
}

/** The pieces cut to one day, with their position on it as percentages. */
export function clipToDay(pieces: Piece[], dayStart: number, dayEnd: number) {
  const span = dayEnd - dayStart;
  return pieces
    .filter((p) => p.end > dayStart && p.start < dayEnd)
    .map((p) => {
      const start = Math.max(p.start, dayStart);
      const end = Math.min(p.end, dayEnd);
      return { piece: p, left: ((start - dayStart) / span) * 100, width: ((end - start) / span) * 100 };
    });
}
