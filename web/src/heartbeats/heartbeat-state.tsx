import { StateBadge } from '../components/state-badge.tsx';
import type { Heartbeat } from './types.ts';

/** A heartbeat's state; "degraded" is a late ping inside its grace time, so it reads "Late". */
export function HeartbeatState({ heartbeat }: { heartbeat: Pick<Heartbeat, 'state' | 'late'> }) {
  if (heartbeat.state === 'degraded' || heartbeat.late) {
    return (
      <span className="badge" data-state="degraded" title="Past the expected time, inside the grace time">
        Late
      </span>
    );
  }
  return <StateBadge state={heartbeat.state} />;
}
