import { useClient } from '../api/client-context.tsx';
import type { Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useCan } from '../auth/session.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { formatLocalShort } from '../components/time.tsx';
import { useToast } from '../components/toasts.tsx';
import type { Members } from './use-members.ts';
import type { Override } from './types.ts';

/** Current and future overrides; responders remove them. */
export function OverridesCard({ scheduleId, members, refreshKey, onChange }: { scheduleId: string; members: Members; refreshKey: number; onChange: () => void }) {
  const client = useClient();
  const toast = useToast();
  const canRespond = useCan('respond');
  const fetched = useFetch<Page<Override>>(`/schedules/${scheduleId}/overrides`, undefined, { refreshKey });
  const remove = async (o: Override) => {
    try {
      await client.delete(`/schedules/${scheduleId}/overrides/${o.id}`);
      toast.info('Override removed');
      onChange();
    } catch (err) {
      toast.error((err as Error).message);
    }
  };
  const overrides = fetched.data?.data ?? [];
  return (
    <section className="card stack" aria-labelledby="overrides-title">
      <h2 id="overrides-title">Overrides</h2>
      {fetched.error && <ErrorBanner error={fetched.error} />}
      {fetched.data && overrides.length === 0 && <p className="muted small" style={{ margin: 0 }}>None now or ahead. Swap a shift by clicking it on the calendar.</p>}
      {overrides.length > 0 && (
        <ul className="event-list">
          {overrides.map((o) => (
            <li key={o.id}>
              <strong>{members.nameOf(o.userId)}</strong>
              <span className="small">
                {formatLocalShort(o.start)} → {formatLocalShort(o.end)}
              </span>
              {o.note && <span className="small muted">{o.note}</span>}
              {canRespond && (
                <span>
                  <ConfirmButton size="sm" title="Remove this override?" message="The layers decide who is on call again." confirmLabel="Remove" onConfirm={() => remove(o)}>
                    Remove
                  </ConfirmButton>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
