import type { Runtime } from '../../platform/runtime.ts';

/** A monitor's visible state (`pending`, `up`, `degraded`, `down`, `paused`, `maintenance`) and name. */
export interface MonitorFact {
  state: string;
  name: string;
}

/** One UTC day (`YYYY-MM-DD`) and the share of it the monitor was up, 0..1, or null without data. */
export interface DailyUptime {
  day: string;
  uptime: number | null;
}

/**
 * What status pages need to know about monitors. The composition root adapts the monitors
 * module's public verbs to it, so this module never reads the monitors' tables.
 */
export interface MonitorFacts {
  /** Monitors of the organization among `monitorIds`; unknown ids are absent from the map. */
  states(orgId: string, monitorIds: string[]): Promise<Map<string, MonitorFact>>;
  /** The last `days` UTC days ending with the day of `now`, oldest first, per monitor. */
  dailyUptime(orgId: string, monitorIds: string[], days: number, now: number): Promise<Map<string, DailyUptime[]>>;
  /** Monitor maintenance windows that are running or start soon, shown as notices. */
  upcomingMaintenance?(orgId: string, monitorIds: string[], now: number): Promise<{ name: string; startsAt: number; endsAt: number }[]>;
}

export type MonitorFactsFactory = (runtime: Runtime) => MonitorFacts;
