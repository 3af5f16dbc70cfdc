import { Link } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { useToast } from '../components/toasts.tsx';
import { describeRestriction, describeRotation } from './describe-layer.ts';
import { usePersonColor } from './person-colors.tsx';
import type { Members } from './use-members.ts';
import type { Schedule } from './types.ts';

/** The layers, top (winning) first: rotation, people in turn order, restrictions. */
export function LayersCard({ schedule, members, onChange }: { schedule: Schedule; members: Members; onChange: () => void }) {
  const client = useClient();
  const toast = useToast();
  const canWrite = useCan('write');
  const colorOf = usePersonColor();
  const layers = [...schedule.layers].sort((a, b) => b.position - a.position);
  const swap = async (i: number, j: number) => {
    const [a, b] = [layers[i]!, layers[j]!];
    try {
      // Positions need not be adjacent numbers; trading them keeps every other layer where it is.
      await client.patch(`/schedules/${schedule.id}/layers/${a.id}`, { position: b.position });
      await client.patch(`/schedules/${schedule.id}/layers/${b.id}`, { position: a.position });
      onChange();
    } catch (err) {
      toast.error((err as Error).message);
      onChange();
    }
  };
  const remove = async (id: string) => {
    try {
      await client.delete(`/schedules/${schedule.id}/layers/${id}`);
      onChange();
    } catch (err) {
      toast.error((err as Error).message);
    }
  };
  return (
    <section className="card stack" aria-labelledby="layers-title">
      <div className="card-header">
        <h2 id="layers-title">Layers</h2>
        {canWrite && (
          <Link href={`/schedules/${schedule.id}/layers/new`} className="btn btn-sm">
            Add layer
          </Link>
        )}
      </div>
      {layers.length === 0 ? (
        <EmptyState title="No layers">A schedule needs at least one rotation before anyone is on call.</EmptyState>
      ) : (
        <ol className="layer-list">
          {layers.map((layer, i) => (
            <li key={layer.id}>
              <div className="row" style={{ justifyContent: 'space-between' }}>
                <strong>{layer.name}</strong>
                <span className="small muted">{i === 0 && layers.length > 1 ? 'top: wins where it has someone' : i === layers.length - 1 && layers.length > 1 ? 'bottom' : ''}</span>
              </div>
              <span className="small">{describeRotation(layer)} · from {layer.startDate}</span>
              <span className="row small" style={{ gap: '0.35rem' }}>
                {layer.participants.map((id, n) => (
                  <span key={`${id}-${n}`} className="person-chip">
                    <i className="person-dot" style={{ background: colorOf(id) }} aria-hidden="true" />
                    {members.nameOf(id)}
                  </span>
                ))}
              </span>
              {layer.restrictions.length > 0 && <span className="small muted">Only {layer.restrictions.map(describeRestriction).join('; ')}</span>}
              {canWrite && (
                <span className="row">
                  <Link href={`/schedules/${schedule.id}/layers/${layer.id}`} className="btn btn-sm">
                    Edit
                  </Link>
                  {layers.length > 1 && (
                    <>
                      <Button size="sm" variant="ghost" disabled={i === 0} onClick={() => void swap(i, i - 1)} aria-label={`Raise ${layer.name}`}>
                        ↑ Raise
                      </Button>
                      <Button size="sm" variant="ghost" disabled={i === layers.length - 1} onClick={() => void swap(i, i + 1)} aria-label={`Lower ${layer.name}`}>
                        ↓ Lower
                      </Button>
                    </>
                  )}
                  <ConfirmButton size="sm" title={`Remove ${layer.name}?`} message="Its shifts disappear from the schedule; lower layers show through." confirmLabel="Remove layer" onConfirm={() => remove(layer.id)}>
                    Remove
                  </ConfirmButton>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
