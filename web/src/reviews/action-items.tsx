import { useState, type FormEvent } from 'react';
import { useClient } from '../api/client-context.tsx';
import { useSave } from '../api/use-save.ts';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { useToast } from '../components/toasts.tsx';
import { useMembers } from '../oncall/use-members.ts';
import type { ActionItem, Review } from './types.ts';

function AddItem({ review, onAdded }: { review: Review; onAdded: () => void }) {
  const client = useClient();
  const members = useMembers();
  const save = useSave();
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [trackerUrl, setTrackerUrl] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      await client.post(`/reviews/${review.id}/action-items`, { title, ownerId: ownerId || null, dueDate: dueDate || null, trackerUrl: trackerUrl.trim() || null });
      setTitle('');
      setTrackerUrl('');
      onAdded();
    });
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label="Add an action item">
      {save.error !== null && !['title', 'ownerId', 'dueDate', 'trackerUrl'].some((f) => save.errors(f)) && <ErrorBanner error={save.error} title="Not added." />}
      <TextField label="New action item" value={title} onChange={(e) => setTitle(e.target.value)} error={save.errors('title')} placeholder="Roll deploys one instance at a time" className="grow" />
      <SelectField label="Owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)} error={save.errors('ownerId')} options={[{ value: '', label: 'Nobody yet' }, ...members.members.map((m) => ({ value: m.userId, label: m.name || m.email }))]} />
      <TextField label="Due" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} error={save.errors('dueDate')} />
      <TextField label="Tracker link" type="url" value={trackerUrl} onChange={(e) => setTrackerUrl(e.target.value)} error={save.errors('trackerUrl')} placeholder="https://tracker.example.com/OPS-12" />
      <Button type="submit" busy={save.busy} disabled={!title.trim()}>
        Add item
      </Button>
    </form>
  );
}

/** Follow-ups with owner, due date, status and a link to the external tracker. */
export function ActionItems({ review, editable, onChange }: { review: Review; editable: boolean; onChange: () => void }) {
  const client = useClient();
  const toast = useToast();
  const members = useMembers();
  const call = async (run: () => Promise<unknown>) => {
    try {
      await run();
      onChange();
    } catch (err) {
      toast.error((err as Error).message);
    }
  };
  const toggle = (item: ActionItem) => call(() => client.patch(`/reviews/${review.id}/action-items/${item.id}`, { status: item.status === 'done' ? 'open' : 'done' }));
  const remove = (item: ActionItem) => call(() => client.delete(`/reviews/${review.id}/action-items/${item.id}`));
  return (
    <div className="stack" style={{ gap: '0.5rem' }}>
      {review.actionItems.length === 0 && <p className="small muted" style={{ margin: 0 }}>No action items yet.</p>}
      {review.actionItems.length > 0 && (
        <ul className="event-list action-items">
          {review.actionItems.map((item) => (
            <li key={item.id} data-done={item.status === 'done' || undefined}>
              <span className="row">
                <label className="checkbox">
                  <input type="checkbox" checked={item.status === 'done'} disabled={!editable} onChange={() => void toggle(item)} aria-label={`Done: ${item.title}`} />
                  <strong className="item-title">{item.title}</strong>
                </label>
                {editable && (
                  <Button size="sm" variant="ghost" onClick={() => void remove(item)} aria-label={`Remove ${item.title}`}>
                    ×
                  </Button>
                )}
              </span>
              <span className="small muted">
                {item.ownerId ? members.nameOf(item.ownerId) : 'no owner'} · {item.dueDate ? `due ${item.dueDate}` : 'no due date'}
                {item.trackerUrl && (
                  <>
                    {' · '}
                    <a href={item.trackerUrl} target="_blank" rel="noreferrer noopener">
                      tracker
                    </a>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {editable && <AddItem review={review} onAdded={onChange} />}
    </div>
  );
}
