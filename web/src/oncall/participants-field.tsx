import { Button } from '../components/button.tsx';
import { usePersonColor } from './person-colors.tsx';
import type { Members } from './use-members.ts';

/** People in turn order: add from the members, move up or down, remove. */
export function ParticipantsField({ value, onChange, members, error }: { value: string[]; onChange: (ids: string[]) => void; members: Members; error?: string }) {
  const colorOf = usePersonColor();
  const move = (i: number, by: number) => {
    const next = [...value];
    const [id] = next.splice(i, 1);
    next.splice(i + by, 0, id!);
    onChange(next);
  };
  return (
    <fieldset className="wide participants" aria-describedby={error ? 'participants-error' : undefined}>
      <legend>Participants, in turn order</legend>
      {value.length === 0 && <p className="small muted">Nobody yet: add the people who take turns.</p>}
      <ol className="plain-list">
        {value.map((id, i) => (
          <li key={`${id}-${i}`} className="row">
            <span className="turn">{i + 1}</span>
            <i className="person-dot" style={{ background: colorOf(id) }} aria-hidden="true" />
            <span className="grow">{members.nameOf(id)}</span>
            <Button size="sm" variant="ghost" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move ${members.nameOf(id)} up`}>
              ↑
            </Button>
            <Button size="sm" variant="ghost" onClick={() => move(i, 1)} disabled={i === value.length - 1} aria-label={`Move ${members.nameOf(id)} down`}>
              ↓
            </Button>
            <Button size="sm" variant="ghost" onClick={() => onChange(value.filter((_, n) => n !== i))} aria-label={`Remove ${members.nameOf(id)}`}>
              ×
            </Button>
          </li>
        ))}
      </ol>
      <select
        className="input"
        aria-label="Add a participant"
        value=""
        onChange={(e) => {
          if (e.target.value) onChange([...value, e.target.value]);
        }}
      >
        <option value="">Add a participant…</option>
        {members.members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name || m.email} ({m.email})
          </option>
        ))}
      </select>
      {error && (
        <span className="error" id="participants-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
