import type { HealthTrack, ConfirmationPolicy } from '../evaluate.ts';
import type { ProbeRegistry, ProbeType } from '../probes/index.ts';
import type { MonitorsTable, MonitorState } from '../schema.ts';
import { hashId, phaseOf } from './phase.ts';
import type { SecretBox } from '../../../platform/crypto/index.ts';
import { openSettings } from '../secret-settings.ts';

/** A monitor as the scheduler holds it: parsed once at load, updated in memory after each check. */
export interface ScheduledMonitor {
  id: string;
  orgId: string;
  type: string;
  probe: ProbeType<unknown>;
  settings: unknown;
  labels: Record<string, string>;
  /** Key of the per-host limit, or null when the settings name no host. */
  host: string | null;
  intervalMs: number;
  timeoutMs: number;
  retryMs: number;
  policy: ConfirmationPolicy;
  phase: number;
  /** type, settings and interval: a change means "check again now". */
  configKey: string;
  track: HealthTrack;
  state: MonitorState;
  stateSince: number;
  stateReason: string | null;
  maintenanceId: string | null;
  lastCheckAt: number | null;
  lastOutcome: string | null;
  lastLatencyMs: number | null;
  /** When the next check is due; the heap entry for it carries the same `gen`. */
  dueAt: number;
  gen: number;
  /** Queued for a free slot or running: a slot arriving meanwhile is an overload gap. */
  busy: boolean;
  removed: boolean;
}

/** The host a check talks to, asked of the settings generically (`url`, else `host`). */
export function hostOf(settings: unknown): string | null {
  const s = settings as { url?: unknown; host?: unknown } | null;
  const target = s?.url ?? s?.host;
  if (typeof target !== 'string' || target === '') return null;
  if (!target.includes('://')) return target.toLowerCase();
  try {
    return new URL(target).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** A short fingerprint of what decides how the target is checked; a change means "check again now". */
export function configKeyOf(row: Pick<MonitorsTable, 'type' | 'settings' | 'secrets' | 'interval_s'>): string {
  const settings = row.secrets ? `${row.settings}${row.secrets}` : row.settings;
  return `${row.type}:${row.interval_s}:${settings.length}:${hashId(settings)}`;
}

/** Builds the in-memory monitor from its row; throws when the stored settings no longer parse. */
export function toScheduled(row: MonitorsTable, probes: ProbeRegistry, secrets?: () => SecretBox): ScheduledMonitor {
  const probe = probes.get(row.type);
  const settings = probes.parseSettings(row.type, openSettings(row, secrets));
  const intervalMs = row.interval_s * 1000;
  return {
    id: row.id,
    orgId: row.org_id,
    type: row.type,
    probe,
    settings,
    labels: JSON.parse(row.labels),
    host: hostOf(settings),
    intervalMs,
    timeoutMs: row.timeout_ms,
    retryMs: row.retry_interval_s * 1000,
    policy: { confirmDown: row.confirm_down, confirmUp: row.confirm_up },
    phase: phaseOf(row.id, intervalMs),
    configKey: configKeyOf(row),
    track: { health: row.health_state, consecutiveFailures: row.consecutive_failures, consecutiveSuccesses: row.consecutive_successes },
    state: row.state,
    stateSince: Number(row.state_since),
    stateReason: row.state_reason,
    maintenanceId: null,
    lastCheckAt: row.last_check_at === null ? null : Number(row.last_check_at),
    lastOutcome: row.last_outcome,
    lastLatencyMs: row.last_latency_ms,
    dueAt: 0,
    gen: 0,
    busy: false,
    removed: false,
  };
}

/** Takes a changed row's configuration, keeping the in-memory health and schedule. */
export function applyConfig(m: ScheduledMonitor, next: ScheduledMonitor): void {
  m.type = next.type;
  m.probe = next.probe;
  m.settings = next.settings;
  m.labels = next.labels;
  m.host = next.host;
  m.intervalMs = next.intervalMs;
  m.timeoutMs = next.timeoutMs;
  m.retryMs = next.retryMs;
  m.policy = next.policy;
  m.phase = next.phase;
  m.configKey = next.configKey;
}
