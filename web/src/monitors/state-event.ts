import { MONITOR_STATES, type Monitor, type MonitorState } from '../api/types.ts';

export type StateEventPayload = Record<string, unknown>;

export interface StateUpdate {
  monitorId: string;
  /** The fields of the monitor the event tells us about. */
  patch: Partial<Monitor>;
}

const iso = (v: unknown) => (typeof v === 'number' ? new Date(v).toISOString() : typeof v === 'string' ? v : undefined);

/**
 * Reads a monitor.state event (sent after every check and state change) as a patch to the
 * monitor. Accepts `to` for the state and `at` for the time, as flip payloads name them.
 */
export function readStateEvent(payload: StateEventPayload | null): StateUpdate | null {
  if (!payload) return null;
  const monitorId = payload.monitorId ?? payload.id;
  const state = payload.state ?? payload.to;
  if (typeof monitorId !== 'string' || !MONITOR_STATES.includes(state as MonitorState)) return null;
  const patch: Partial<Monitor> = { state: state as MonitorState };
  const since = iso(payload.since ?? payload.at);
  if (since) patch.stateSince = since;
  if (payload.reason !== undefined) patch.stateReason = payload.reason as Monitor['stateReason'];
  if ('lastCheckAt' in payload) patch.lastCheckAt = iso(payload.lastCheckAt) ?? null;
  if (typeof payload.lastOutcome === 'string') patch.lastOutcome = payload.lastOutcome;
  if (typeof payload.lastLatencyMs === 'number') patch.lastLatencyMs = payload.lastLatencyMs;
  return { monitorId, patch };
}
