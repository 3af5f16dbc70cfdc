import { formatDuration } from '../components/time.tsx';
import type { Incident, SlaClock } from './types.ts';

export type ClockState = 'met' | 'met-late' | 'breached' | 'running' | 'due-soon' | 'stopped';

export interface ClockView {
  state: ClockState;
  /** "12m left", "breached 5m ago", "met in 4m". */
  text: string;
}

/** How an SLA clock stands at `now`; a clock of a closed-out phase that was never met stopped. */
export function clockView(clock: SlaClock, startedAt: string, now: number, stopped = false): ClockView {
  const due = Date.parse(clock.dueAt);
  const start = Date.parse(startedAt);
  if (clock.metAt) {
    const took = Date.parse(clock.metAt) - start;
    return clock.breachedAt || Date.parse(clock.metAt) > due ? { state: 'met-late', text: `met late, after ${formatDuration(took)}` } : { state: 'met', text: `met in ${formatDuration(took)}` };
  }
  if (clock.breachedAt || now >= due) return { state: 'breached', text: `breached ${formatDuration(now - (clock.breachedAt ? Date.parse(clock.breachedAt) : due))} ago` };
  if (stopped) return { state: 'stopped', text: 'stopped' };
  const left = due - now;
  return { state: left < (due - start) * 0.25 ? 'due-soon' : 'running', text: `${formatDuration(left)} left` };
}

/** The clock that matters now: response until acknowledged, then resolution until resolved. */
export function currentClock(i: Incident, now: number): { name: string; view: ClockView } | null {
  if (i.status === 'triggered') return { name: 'response', view: clockView(i.sla.response, i.triggeredAt, now) };
  if (i.status === 'acknowledged') return { name: 'resolution', view: clockView(i.sla.resolution, i.triggeredAt, now) };
  return null;
}

export const CLOCK_STATE: Record<ClockState, string> = { met: 'up', 'met-late': 'degraded', breached: 'down', running: 'pending', 'due-soon': 'degraded', stopped: 'paused' };
