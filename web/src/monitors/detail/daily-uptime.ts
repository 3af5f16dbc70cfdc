import type { MonitorState } from '../../api/types.ts';
import type { UptimeDay } from '../../components/uptime-bars.tsx';
import type { Flip } from './history-types.ts';

const DAY = 86_400_000;

function localMidnight(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/**
 * Daily uptime for the last `days` local days, from the monitor's state changes: up and degraded
 * time count as up; maintenance, paused and pending time are left out.
 */
export function dailyUptime(flips: Flip[], createdAt: string, current: MonitorState, now: number, days = 90): UptimeDay[] {
  const sorted = flips.map((f) => ({ at: Date.parse(f.at), from: f.from, to: f.to })).sort((a, b) => a.at - b.at);
  const born = Date.parse(createdAt);
  const start = localMidnight(now) - (days - 1) * DAY;
  const segments: Array<{ start: number; end: number; state: MonitorState }> = [];
  let cursor = Math.max(start, born);
  let state: MonitorState = sorted[0]?.from ?? current;
  for (const f of sorted) {
    if (f.at > cursor) segments.push({ start: cursor, end: f.at, state });
    cursor = Math.max(cursor, f.at);
    state = f.to;
  }
  if (now > cursor) segments.push({ start: cursor, end: now, state });

  return Array.from({ length: days }, (_, i) => {
    const dayStart = localMidnight(start + i * DAY + DAY / 2);
    const dayEnd = Math.min(localMidnight(dayStart + DAY + DAY / 2), now);
    let up = 0;
    let down = 0;
    let maintenance = 0;
    for (const s of segments) {
      const overlap = Math.min(s.end, dayEnd) - Math.max(s.start, dayStart);
      if (overlap <= 0) continue;
      if (s.state === 'up' || s.state === 'degraded') up += overlap;
      else if (s.state === 'down') down += overlap;
      else if (s.state === 'maintenance') maintenance += overlap;
    }
    return { start: dayStart, uptime: up + down > 0 ? up / (up + down) : null, maintenance: maintenance > 0 && up + down === 0 };
  });
}
