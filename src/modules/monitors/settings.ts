import type { ProbeRegistry } from './probes/index.ts';

/** Parses type-specific settings with the probe type's own schema; issues name `type` or `settings.<field>`. */
export function parseMonitorSettings(probes: ProbeRegistry, type: string, raw: unknown): Record<string, unknown> {
  return probes.parseSettings(type, raw) as Record<string, unknown>;
}

export function defaultTimeoutMs(intervalS: number): number {
  return Math.min(10_000, Math.floor(intervalS * 800));
}

export function defaultRetryInterval(intervalS: number): number {
  return Math.min(intervalS, Math.max(10, Math.round(intervalS / 3)));
}
