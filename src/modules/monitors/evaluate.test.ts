import { describe, expect, it } from 'vitest';
import { evaluate, visibleState, type HealthTrack } from './evaluate.ts';

const policy = { confirmDown: 2, confirmUp: 1 };
const start: HealthTrack = { health: 'pending', consecutiveFailures: 0, consecutiveSuccesses: 0 };

function run(outcomes: ('up' | 'degraded' | 'down')[], p = policy) {
  let track = start;
  const flips: string[] = [];
  const retries: boolean[] = [];
  for (const o of outcomes) {
    const e = evaluate(track, o, p);
    track = e.next;
    retries.push(e.retrySoon);
    if (e.changed) flips.push(`${e.changed.from}>${e.changed.to}`);
  }
  return { track, flips, retries };
}

describe('evaluate', () => {
  it('goes up on the first success', () => {
    expect(run(['up']).flips).toEqual(['pending>up']);
  });

  it('needs two consecutive failures to go down, retrying soon after the first', () => {
    const r = run(['up', 'down', 'down']);
    expect(r.flips).toEqual(['pending>up', 'up>down']);
    expect(r.retries).toEqual([false, true, false]);
  });

  it('ignores a single failure between successes', () => {
    expect(run(['up', 'down', 'up', 'down', 'up']).flips).toEqual(['pending>up']);
  });

  it('comes back up after confirmUp successes', () => {
    expect(run(['down', 'down', 'up']).flips).toEqual(['pending>down', 'down>up']);
    expect(run(['down', 'down', 'up', 'up', 'up'], { confirmDown: 2, confirmUp: 3 }).flips).toEqual(['pending>down', 'down>up']);
    expect(run(['down', 'down', 'up', 'up'], { confirmDown: 2, confirmUp: 3 }).track.health).toBe('down');
  });

  it('reports degraded without confirmation and recovers from it', () => {
    expect(run(['up', 'degraded', 'up']).flips).toEqual(['pending>up', 'up>degraded', 'degraded>up']);
  });

  it('goes down at once with confirmDown 1', () => {
    expect(run(['up', 'down'], { confirmDown: 1, confirmUp: 1 }).flips).toEqual(['pending>up', 'up>down']);
  });
});

describe('visibleState', () => {
  it('lets pause win over maintenance, and both over health', () => {
    expect(visibleState('down', true, true)).toBe('paused');
    expect(visibleState('down', false, true)).toBe('maintenance');
    expect(visibleState('down', false, false)).toBe('down');
  });
});
