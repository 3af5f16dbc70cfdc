import { useState, type FormEvent } from 'react';
import { useClient } from '../api/client-context.tsx';
import { fieldErrors } from '../api/field-errors.ts';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { Modal } from '../components/modal.tsx';
import type { Members } from './use-members.ts';
import type { Override } from './types.ts';
import { fromLocalInput, toLocalInput } from './zone.ts';

export interface OverrideDraft {
  start: number;
  end: number;
  userId?: string;
}

/** Puts someone on call over a stretch of time; the times are read in the calendar's zone. */
export function OverrideDialog({ scheduleId, draft, timeZone, members, onDone }: { scheduleId: string; draft: OverrideDraft; timeZone: string; members: Members; onDone: (created: Override | null) => void }) {
  const client = useClient();
  const [userId, setUserId] = useState(draft.userId ?? '');
  const [start, setStart] = useState(toLocalInput(draft.start, timeZone));
  const [end, setEnd] = useState(toLocalInput(draft.end, timeZone));
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const from = fromLocalInput(start, timeZone);
    const to = fromLocalInput(end, timeZone);
    if (!(to > from)) return setError(new Error('The end must be after the start.'));
    setBusy(true);
    setError(null);
    try {
      onDone(await client.post<Override>(`/schedules/${scheduleId}/overrides`, { userId, start: new Date(from).toISOString(), end: new Date(to).toISOString(), note: note.trim() || undefined }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const claimed = ['userId', 'start', 'end', 'note'].some((f) => errors(f));
  return (
    <Modal title="Override" onClose={() => onDone(null)}>
      <form className="stack" style={{ gap: '0.75rem' }} onSubmit={(e) => void submit(e)}>
        <p className="small muted" style={{ margin: 0 }}>
          Goes over every layer for this stretch. Times in <strong>{timeZone}</strong>.
        </p>
        {error !== null && !claimed && <ErrorBanner error={error} title="Not saved." />}
        <SelectField label="Who is on call" required value={userId} onChange={(e) => setUserId(e.target.value)} error={errors('userId')} options={[{ value: '', label: 'Choose a member…' }, ...members.members.map((m) => ({ value: m.userId, label: m.name || m.email }))]} />
        <TextField label="From" type="datetime-local" required value={start} onChange={(e) => setStart(e.target.value)} error={errors('start')} />
        <TextField label="Until" type="datetime-local" required value={end} onChange={(e) => setEnd(e.target.value)} error={errors('end')} />
        <TextField label="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} error={errors('note')} placeholder="Swap: Ana covers Bob's weekend" />
        <div className="form-actions">
          <Button onClick={() => onDone(null)}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!userId}>
            Create override
          </Button>
        </div>
      </form>
    </Modal>
  );
}
