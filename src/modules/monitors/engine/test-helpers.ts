import type { ManualClock } from '../../../platform/clock.ts';
import type { MonitorScheduler } from './scheduler.ts';

/** Moves the clock to the next due check and runs everything due then; returns that time. */
export async function runNext(scheduler: MonitorScheduler, clock: ManualClock): Promise<number> {
  const next = scheduler.nextDueAt();
  if (next === null) throw new Error('nothing is scheduled');
  clock.set(Math.max(next, clock.now()));
  await scheduler.runDue();
  return clock.now();
}

/** Runs every check due up to `target`, each at its own due time, then leaves the clock at `target`. */
export async function runUntil(scheduler: MonitorScheduler, clock: ManualClock, target: number): Promise<void> {
  for (let next = scheduler.nextDueAt(); next !== null && next <= target; next = scheduler.nextDueAt()) {
    clock.set(Math.max(next, clock.now()));
    await scheduler.runDue();
  }
  clock.set(target);
  await scheduler.runDue();
}
