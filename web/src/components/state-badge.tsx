import type { MonitorState } from '../api/types.ts';

const LABELS: Record<MonitorState, string> = {
  up: 'Up',
  degraded: 'Degraded',
  down: 'Down',
  pending: 'Pending',
  paused: 'Paused',
  maintenance: 'Maintenance',
};

export function StateBadge({ state }: { state: MonitorState }) {
  return (
    <span className="badge" data-state={state}>
      {LABELS[state] ?? state}
    </span>
  );
}
