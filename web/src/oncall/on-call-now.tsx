import { useFetch } from '../api/use-fetch.ts';
import { Time } from '../components/time.tsx';
import { usePersonColor } from './person-colors.tsx';
import type { OnCall } from './types.ts';

/** Who is on call in a schedule now (or at `at`), and until when. */
export function OnCallNow({ scheduleId, at, refreshKey, compact = false }: { scheduleId: string; at?: string; refreshKey?: unknown; compact?: boolean }) {
  const fetched = useFetch<OnCall>(`/schedules/${scheduleId}/on-call`, { at }, { refreshKey });
  const onCall = fetched.data;
  const colorOf = usePersonColor();
  if (fetched.error) return <span className="error-text small">{fetched.error.message}</span>;
  if (!onCall) return <span className="muted small">…</span>;
  if (!onCall.user) return <span className="badge plain" data-state="down">Nobody on call</span>;
  return (
    <span className="on-call-now">
      <i className="person-dot" style={{ background: colorOf(onCall.user.id) }} aria-hidden="true" />
      <strong>{onCall.user.name || onCall.user.email}</strong>
      {onCall.source?.type === 'override' && <span className="tag">override</span>}
      {!compact && onCall.until && (
        <span className="small muted">
          until <Time value={onCall.until} absolute />
        </span>
      )}
      {compact && onCall.until && (
        <span className="small muted">
          hands off <Time value={onCall.until} />
        </span>
      )}
    </span>
  );
}
