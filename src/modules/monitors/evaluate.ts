import type { HealthState, MonitorState } from './schema.ts';

export interface HealthTrack {
  health: HealthState;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
}

export interface ConfirmationPolicy {
  /** Consecutive failures before the monitor is down (default 2). */
  confirmDown: number;
  /** Consecutive successes before a down monitor is back (default 1). */
  confirmUp: number;
}

export interface Evaluation {
  next: HealthTrack;
  /** Set when the health changed. */
  changed: { from: HealthState; to: HealthState } | null;
  /** A failure that is not yet confirmed: check again at the retry interval, not the full one. */
  retrySoon: boolean;
}

/** The per-monitor state machine: pending → up | degraded | down, with confirmation thresholds. */
export function evaluate(prev: HealthTrack, outcome: 'up' | 'degraded' | 'down', policy: ConfirmationPolicy): Evaluation {
  let { health } = prev;
  let failures = prev.consecutiveFailures;
  let successes = prev.consecutiveSuccesses;
  if (outcome === 'down') {
    failures += 1;
    successes = 0;
    if (failures >= policy.confirmDown) health = 'down';
  } else {
    failures = 0;
    successes += 1;
    if (health !== 'down' || successes >= policy.confirmUp) health = outcome;
  }
  const next = { health, consecutiveFailures: failures, consecutiveSuccesses: successes };
  return {
    next,
    changed: health !== prev.health ? { from: prev.health, to: health } : null,
    retrySoon: outcome === 'down' && health !== 'down',
  };
}

/** What people see: maintenance and pause override the target's health. */
export function visibleState(health: HealthState, paused: boolean, inMaintenance: boolean): MonitorState {
  if (paused) return 'paused';
  if (inMaintenance) return 'maintenance';
  return health;
}
