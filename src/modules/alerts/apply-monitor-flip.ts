import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { getMonitor, type Monitor } from '../monitors/index.ts';
import { raiseAlert } from './raise-alert.ts';
import { resolveAlert } from './resolve-alert.ts';
import { Severity } from './schemas.ts';
import { findAlertRow } from './store.ts';
import { suppressAlert } from './suppress-alert.ts';

export { MONITOR_FLIP_JOB } from '../monitors/index.ts';

/** What the monitoring scheduler enqueues on each state change (`flip:<flipId>`). */
export interface MonitorFlip {
  orgId: string;
  monitorId: string;
  flipId: string;
  from: string;
  to: string;
  at: number | string;
  /** The failing check result: `{ errorCode, message, ... }`, possibly as JSON text. */
  reason?: unknown;
}

export type FlipOutcome = 'fired' | 'resolved' | 'suppressed' | 'ignored';

function reasonOf(reason: unknown): { code?: string; message?: string } {
  let r = reason;
  if (typeof r === 'string') {
    try {
      r = JSON.parse(r);
    } catch {
      return { message: r as string };
    }
  }
  if (!r || typeof r !== 'object') return {};
  const o = r as Record<string, unknown>;
  const code = o.errorCode ?? o.error_code ?? o.code;
  const message = o.message ?? o.error;
  return { ...(typeof code === 'string' ? { code } : {}), ...(typeof message === 'string' ? { message } : {}) };
}

function alertFor(monitor: Monitor, to: 'down' | 'degraded', reason: unknown) {
  const severityLabel = Severity.safeParse(monitor.labels.severity);
  const severity = to === 'degraded' ? 'warning' : severityLabel.success ? severityLabel.data : 'critical';
  const { code, message } = reasonOf(reason);
  const state = to === 'down' ? 'down' : 'degraded';
  const runbook = monitor.labels.runbook ?? monitor.labels.runbook_url;
  return {
    severity,
    labels: {
      ...monitor.labels,
      alertname: to === 'down' ? 'MonitorDown' : 'MonitorDegraded',
      monitor: monitor.name,
      monitor_id: monitor.id,
      monitor_type: monitor.type,
      severity,
    },
    annotations: {
      summary: `${monitor.name} is ${state}${code ? ` (${code})` : ''}`,
      ...(code || message ? { description: [code, message].filter(Boolean).join(': ') } : {}),
      ...(runbook ? { runbook } : {}),
    },
  } as const;
}

async function resolveIfAny(ctx: Ctx, dedupKey: string, at: number, annotations?: Record<string, string>): Promise<FlipOutcome> {
  // Most up flips (a new monitor's first check) have no alert: skip the transaction and the throw.
  const existing = await findAlertRow(ctx, { dedupKey });
  if (!existing || existing.status === 'resolved') return 'ignored';
  try {
    const r = await resolveAlert({ ctx, input: { dedupKey, at, annotations } });
    return r.outcome === 'resolved' ? 'resolved' : 'ignored';
  } catch (err) {
    if (err instanceof AppError && err.code === 'ALERT_NOT_FOUND') return 'ignored';
    throw err;
  }
}

/**
 * Maps a monitor's state change to its alert (dedup key `monitor:<id>`): down fires (severity from
 * the monitor's `severity` label, else critical), degraded fires as a warning, up resolves, paused
 * and deleted resolve with a note, maintenance flags the alert so nothing is sent, pending changes nothing.
 */
export async function applyMonitorFlip({ ctx, flip }: { ctx: Ctx; flip: MonitorFlip }): Promise<FlipOutcome> {
  const dedupKey = `monitor:${flip.monitorId}`;
  const at = typeof flip.at === 'number' ? flip.at : Date.parse(flip.at);
  const when = Number.isFinite(at) ? at : ctx.clock.now();
  switch (flip.to) {
    case 'down':
    case 'degraded': {
      let monitor: Monitor;
      try {
        monitor = await getMonitor({ ctx, id: flip.monitorId });
      } catch (err) {
        if (err instanceof AppError && err.code === 'MONITOR_NOT_FOUND') return 'ignored';
        throw err;
      }
      const alert = alertFor(monitor, flip.to, flip.reason);
      const r = await raiseAlert({ ctx, input: { dedupKey, source: 'monitor', at: when, ...alert } });
      return r.outcome === 'stale' || r.outcome === 'unchanged' ? 'ignored' : 'fired';
    }
    case 'up':
      return resolveIfAny(ctx, dedupKey, when);
    case 'paused':
      return resolveIfAny(ctx, dedupKey, when, { resolution: 'monitor paused' });
    case 'deleted':
      return resolveIfAny(ctx, dedupKey, when, { resolution: 'monitor deleted' });
    case 'maintenance':
      return (await suppressAlert({ ctx, dedupKey, reason: 'maintenance', at: when }))?.suppressed === 'maintenance' ? 'suppressed' : 'ignored';
    default:
      return 'ignored';
  }
}
