import { newId } from '../../../platform/ids.ts';
import { evaluate, visibleState } from '../evaluate.ts';
import type { ProbeResult } from '../probes/index.ts';
import type { CoverageGapsTable, MonitorState } from '../schema.ts';
import type { CertRecord } from './batch.ts';
import type { EngineMetrics } from './metrics.ts';
import type { ResultWriter } from './result-writer.ts';
import type { ScheduledMonitor } from './scheduled-monitor.ts';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** A certificate in a result's details, asked generically: `details.certificate`, else the details themselves. */
export function certificateOf(details: Record<string, unknown> | undefined): Omit<CertRecord, 'orgId' | 'monitorId' | 'seenAt'> | null {
  const c = (details?.certificate ?? details) as Record<string, unknown> | undefined;
  const fingerprint = c?.fingerprint256 ?? c?.fingerprint;
  const notAfter = typeof c?.notAfter === 'string' ? Date.parse(c.notAfter) : Number.NaN;
  if (!c || typeof fingerprint !== 'string' || Number.isNaN(notAfter)) return null;
  const notBefore = typeof c.validFrom === 'string' ? Date.parse(c.validFrom) : typeof c.notBefore === 'string' ? Date.parse(c.notBefore) : Number.NaN;
  return {
    fingerprint,
    subject: text(c.subject),
    issuer: text(c.issuer),
    serial: text(c.serialNumber ?? c.serial),
    keyType: typeof c.keyType === 'string' ? c.keyType : null,
    notBefore: Number.isNaN(notBefore) ? null : notBefore,
    notAfter,
  };
}

function checkReason(result: ProbeResult, at: number): Record<string, unknown> {
  return { cause: 'check', at, outcome: result.outcome, errorCode: result.errorCode ?? null, message: result.message ?? null, latencyMs: Math.round(result.latencyMs) };
}

/** Turns what happened to a monitor into rows for the writer, keeping its in-memory state in step. */
export class CheckRecorder {
  readonly #writer: ResultWriter;
  readonly #metrics: EngineMetrics;

  constructor(writer: ResultWriter, metrics: EngineMetrics) {
    this.#writer = writer;
    this.#metrics = metrics;
  }

  /** Evaluates a result; returns true when the failure is unconfirmed and the retry interval applies. */
  result(m: ScheduledMonitor, result: ProbeResult, at: number): boolean {
    const e = evaluate(m.track, result.outcome, m.policy);
    m.track = e.next;
    m.lastCheckAt = at;
    m.lastOutcome = result.outcome;
    m.lastLatencyMs = Math.round(result.latencyMs);
    const details = m.maintenanceId === null ? result.details : { ...result.details, maintenanceWindowId: m.maintenanceId };
    this.#writer.addResult({
      orgId: m.orgId,
      monitorId: m.id,
      at,
      outcome: result.outcome,
      latencyMs: m.lastLatencyMs,
      errorCode: result.errorCode ?? null,
      message: result.message ?? null,
      timings: result.timings ? JSON.stringify(result.timings) : null,
      details: details ? JSON.stringify(details) : null,
    });
    const visible = visibleState(e.next.health, false, m.maintenanceId !== null);
    if (visible !== m.state) this.state(m, visible, at, checkReason(result, at));
    const cert = certificateOf(result.details);
    if (cert) this.#writer.addCert({ ...cert, orgId: m.orgId, monitorId: m.id, seenAt: at });
    return e.retrySoon;
  }

  /** A visible state change: recorded as a flip (and, when written, a `monitor.flip` job). */
  state(m: ScheduledMonitor, to: MonitorState, at: number, reason: Record<string, unknown>): void {
    if (to === m.state) return;
    this.#writer.addFlip({ id: newId(at), orgId: m.orgId, monitorId: m.id, at, from: m.state, to, reason });
    m.state = to;
    m.stateSince = at;
    m.stateReason = JSON.stringify(reason);
  }

  /** Expected checks in [fromAt, toAt) that did not run, and why. */
  gap(m: ScheduledMonitor, cause: CoverageGapsTable['cause'], fromAt: number, toAt: number, missed: number, detail: string): void {
    if (missed <= 0) return;
    this.#writer.addGap({ id: newId(fromAt), orgId: m.orgId, monitorId: m.id, fromAt, toAt, missed, cause, detail });
    this.#metrics.gaps.inc({ cause });
    this.#metrics.missed.inc({ cause }, missed);
  }

  /** Queues the monitor's state columns as they stand in memory, including its next due time. */
  update(m: ScheduledMonitor): void {
    this.#writer.setMonitor({
      id: m.id,
      orgId: m.orgId,
      state: m.state,
      stateSince: m.stateSince,
      stateReason: m.stateReason,
      health: m.track.health,
      failures: m.track.consecutiveFailures,
      successes: m.track.consecutiveSuccesses,
      lastCheckAt: m.lastCheckAt,
      lastOutcome: m.lastOutcome,
      lastLatencyMs: m.lastLatencyMs,
      nextDueAt: m.dueAt,
    });
  }
}
