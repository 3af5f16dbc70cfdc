import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { MonitorState } from '../schema.ts';

export interface EngineMetrics {
  checks: Counter<'outcome'>;
  duration: Histogram<'type'>;
  lateness: Histogram;
  gaps: Counter<'cause'>;
  missed: Counter<'cause'>;
  monitors: Gauge<'state'>;
  scheduleLoad: Gauge;
  flushDuration: Histogram;
  inFlight: Gauge;
  waiting: Gauge;
  /** Where the `custos_monitors` gauge reads its counts from: the scheduler that holds the lease. */
  source: { counts: () => Map<string, number>; inFlight: () => number; waiting: () => number };
}

const STATES: MonitorState[] = ['pending', 'up', 'degraded', 'down', 'paused', 'maintenance'];
const byRegistry = new WeakMap<Registry, EngineMetrics>();

/** One set per registry: a scheduler restarted in the same process reuses it. */
export function engineMetrics(registry: Registry): EngineMetrics {
  const existing = byRegistry.get(registry);
  if (existing) return existing;
  const registers = [registry];
  const source: EngineMetrics['source'] = { counts: () => new Map(), inFlight: () => 0, waiting: () => 0 };
  const metrics: EngineMetrics = {
    source,
    checks: new Counter({ name: 'custos_checks_total', help: 'Checks completed, by outcome (error: Custos could not perform the check)', labelNames: ['outcome'], registers }),
    duration: new Histogram({
      name: 'custos_check_duration_seconds',
      help: 'Time a check took, by probe type',
      labelNames: ['type'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    lateness: new Histogram({
      name: 'custos_schedule_lateness_seconds',
      help: 'How long after its due time a check started',
      buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30],
      registers,
    }),
    gaps: new Counter({ name: 'custos_coverage_gaps_total', help: 'Coverage gaps recorded, by cause', labelNames: ['cause'], registers }),
    missed: new Counter({ name: 'custos_missed_checks_total', help: 'Expected checks that did not run, by cause', labelNames: ['cause'], registers }),
    monitors: new Gauge({
      name: 'custos_monitors',
      help: 'Monitors the scheduler holds, by visible state',
      labelNames: ['state'],
      registers,
      collect() {
        const counts = source.counts();
        for (const state of STATES) this.set({ state }, counts.get(state) ?? 0);
      },
    }),
    inFlight: new Gauge({
      name: 'custos_checks_in_flight',
      help: 'Checks running now',
      registers,
      collect() {
        this.set(source.inFlight());
      },
    }),
    waiting: new Gauge({
      name: 'custos_checks_waiting',
      help: 'Checks due but waiting for a free slot (global or per-host limit)',
      registers,
      collect() {
        this.set(source.waiting());
      },
    }),
    flushDuration: new Histogram({
      name: 'custos_check_results_flush_seconds',
      help: 'Time one transaction of buffered results, states, flips and gaps took to write',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    scheduleLoad: new Gauge({ name: 'custos_scheduler_load_seconds', help: 'How long the last schedule load (start or lease takeover) took', registers }),
  };
  byRegistry.set(registry, metrics);
  return metrics;
}
