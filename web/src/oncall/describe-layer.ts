import type { Layer, Restriction } from './types.ts';

const DAY_NAMES: Record<string, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

export function describeRotation(layer: Pick<Layer, 'rotation' | 'shiftHours' | 'handoffTime' | 'timeZone'>): string {
  const length = layer.rotation === 'daily' ? 'Daily' : layer.rotation === 'weekly' ? 'Weekly' : `Every ${layer.shiftHours} h`;
  return `${length}, handoff at ${layer.handoffTime} ${layer.timeZone}`;
}

export function describeRestriction(r: Restriction): string {
  const days = r.days.length === 7 ? 'every day' : r.days.join(',') === 'mon,tue,wed,thu,fri' ? 'Mon–Fri' : r.days.map((d) => DAY_NAMES[d]).join(', ');
  return `${days} ${r.start}–${r.end}`;
}
