import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import type { Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useSave } from '../api/use-save.ts';
import { splitMatchers } from '../alerts/matchers.ts';
import type { Alert } from '../alerts/types.ts';
import { SelectField, TextAreaField, TextField } from '../components/field.tsx';
import { FormError } from '../components/form-error.tsx';
import { SubmitCancel } from '../components/submit-cancel.tsx';
import type { Silence } from './types.ts';

const DURATIONS = ['30m', '1h', '2h', '4h', '8h', '1d', '3d', '7d'].map((d) => ({ value: d, label: d }));

const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : undefined);

/** Matchers (one per line), a duration or an end time, an optional start, and why. */
export function SilenceForm({ initialMatchers, onDone }: { initialMatchers: string[]; onDone: (created: Silence | null) => void }) {
  const client = useClient();
  const [matchers, setMatchers] = useState(initialMatchers.join('\n'));
  const [mode, setMode] = useState<'duration' | 'end'>('duration');
  const [duration, setDuration] = useState('2h');
  const [endsAt, setEndsAt] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [comment, setComment] = useState('');
  const { error, busy, run, errors } = useSave();

  // Which firing alerts the matchers catch now, checked a moment after typing stops.
  const [settled, setSettled] = useState(splitMatchers(matchers));
  useEffect(() => {
    const t = setTimeout(() => setSettled(splitMatchers(matchers)), 400);
    return () => clearTimeout(t);
  }, [matchers]);
  const affected = useFetch<Page<Alert>>(settled.length ? '/alerts' : null, { status: 'firing', matcher: settled, limit: 100 });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { matchers: splitMatchers(matchers), comment, startsAt: fromLocalInput(startsAt), ...(mode === 'duration' ? { duration } : { endsAt: fromLocalInput(endsAt) }) };
    void run(async () => onDone(await client.post<Silence>('/silences', body)));
  };

  const count = affected.data?.data.length;
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="New silence">
      <h2>New silence</h2>
      <FormError error={error} title="Not created." claimed={['matchers', 'comment', 'duration', 'endsAt', 'startsAt']} />
      <div className="form-grid">
        <TextAreaField
          className="wide"
          label="Matchers"
          rows={3}
          value={matchers}
          onChange={(e) => setMatchers(e.target.value)}
          error={errors('matchers')}
          placeholder={'alertname="HostDown"\ndc=~"lon.*"'}
          spellCheck={false}
          hint={count === undefined ? 'One per line: label=value, label!=value, label=~regex, label!~regex. All must match.' : `Matches ${count === 100 ? '100+' : count} firing alert${count === 1 ? '' : 's'} now.`}
          autoFocus
        />
        <SelectField
          label="Ends"
          value={mode}
          onChange={(e) => setMode(e.target.value as 'duration' | 'end')}
          options={[
            { value: 'duration', label: 'After a duration' },
            { value: 'end', label: 'At a time' },
          ]}
        />
        {mode === 'duration' ? (
          <SelectField label="Duration" value={duration} onChange={(e) => setDuration(e.target.value)} options={DURATIONS} error={errors('duration') ?? errors('endsAt')} />
        ) : (
          <TextField label="End time" type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} error={errors('endsAt')} hint="Your time zone." />
        )}
        <TextField label="Starts" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} error={errors('startsAt')} hint="Empty: now." />
        <TextAreaField className="wide" label="Comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} error={errors('comment')} placeholder="Replacing the disk on db-2 (CHG-1234)" hint="Why, and a ticket if there is one; it is kept in the audit log." />
      </div>
      {count !== undefined && count > 0 && (
        <p className="small muted" style={{ margin: 0 }}>
          Firing now: {affected.data!.data.slice(0, 5).map((a, i) => (
            <span key={a.id}>
              {i > 0 && ', '}
              <Link href={`/alerts/${a.id}`}>{a.annotations.summary || a.labels.alertname || a.dedupKey}</Link>
            </span>
          ))}
          {count > 5 && ' …'}
        </p>
      )}
      <SubmitCancel label="Create silence" busy={busy} onCancel={() => onDone(null)} />
    </form>
  );
}
