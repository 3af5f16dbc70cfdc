import { layerIntervals, type Interval, type RotationSpec } from './layer-shifts.ts';

export interface LayerSpec extends RotationSpec {
  id: string;
  /** Higher layers override lower ones where they have someone. */
  position: number;
}

export interface OverrideSpec {
  id: string;
  userId: string;
  start: number;
  end: number;
  /** Of two overlapping overrides, the later one wins. */
  createdAt: number;
}

export interface Segment {
  userId: string;
  start: number;
  end: number;
  source: { type: 'layer' | 'override'; id: string };
}

export interface TimelineInput {
  layers: LayerSpec[];
  overrides: OverrideSpec[];
  /** Users who may be on call (the organization's members); anyone else leaves a gap. */
  isMember: (userId: string) => boolean;
}

/**
 * The final schedule in [from, to): at each instant the latest override covering it, else the
 * highest layer with someone on call, else nobody. Neighbouring pieces with the same person from
 * the same source are joined, so a calendar shows one block per stretch on call.
 */
export function finalTimeline(input: TimelineInput, from: number, to: number): Segment[] {
  if (to <= from) return [];
  const layers = [...input.layers]
    .sort((a, b) => b.position - a.position)
    .map((layer) => ({ id: layer.id, intervals: layerIntervals(layer, from, to).filter((i) => input.isMember(i.userId)), next: 0 }));
  const overrides = input.overrides
    .filter((o) => o.end > from && o.start < to && input.isMember(o.userId))
    .map((o) => ({ ...o, start: Math.max(o.start, from), end: Math.min(o.end, to) }))
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));

  const points = new Set<number>([from, to]);
  for (const layer of layers) for (const i of layer.intervals) points.add(i.start).add(i.end);
  for (const o of overrides) points.add(o.start).add(o.end);
  const sorted = [...points].sort((a, b) => a - b);

  const out: Segment[] = [];
  for (let p = 0; p + 1 < sorted.length; p++) {
    const [start, end] = [sorted[p], sorted[p + 1]];
    const winner = pick(start, end, overrides, layers);
    if (!winner) continue;
    const last = out.at(-1);
    if (last && last.end === start && last.userId === winner.userId && last.source.id === winner.source.id) last.end = end;
    else out.push({ userId: winner.userId, start, end, source: winner.source });
  }
  return out;
}

type LayerCursor = { id: string; intervals: Interval[]; next: number };

/** [start, end) lies between two consecutive boundaries, so every interval covers all of it or none. */
function pick(start: number, end: number, overrides: OverrideSpec[], layers: LayerCursor[]): Omit<Segment, 'start' | 'end'> | null {
  const override = overrides.find((o) => o.start <= start && o.end >= end);
  if (override) return { userId: override.userId, source: { type: 'override', id: override.id } };
  for (const layer of layers) {
    while (layer.next < layer.intervals.length && layer.intervals[layer.next].end <= start) layer.next++;
    const i = layer.intervals[layer.next];
    if (i && i.start <= start && i.end >= end) return { userId: i.userId, source: { type: 'layer', id: layer.id } };
  }
  return null;
}
