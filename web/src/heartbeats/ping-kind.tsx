import type { HeartbeatPing } from './types.ts';

const LOOK: Record<HeartbeatPing['kind'], { state: string; label: string }> = {
  success: { state: 'up', label: 'Success' },
  fail: { state: 'down', label: 'Failure' },
  start: { state: 'pending', label: 'Start' },
  log: { state: 'maintenance', label: 'Log' },
  ignored: { state: 'paused', label: 'Ignored' },
};

export function PingKind({ ping }: { ping: Pick<HeartbeatPing, 'kind' | 'exitStatus'> }) {
  const look = LOOK[ping.kind] ?? { state: 'pending', label: ping.kind };
  return (
    <span className="badge plain" data-state={look.state}>
      {look.label}
      {ping.exitStatus !== null && ` (exit ${ping.exitStatus})`}
    </span>
  );
}
