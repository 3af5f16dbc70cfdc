import { Button } from '../components/button.tsx';
import { formatLocalShort } from '../components/time.tsx';
import type { TimelineEntry } from './types.ts';

/** The incident's timeline, pre-filled from its events: reword, drop or add lines for the record. */
export function TimelineEditor({ value, onChange, editable }: { value: TimelineEntry[]; onChange: (v: TimelineEntry[]) => void; editable: boolean }) {
  const set = (i: number, text: string) => onChange(value.map((e, n) => (n === i ? { ...e, text } : e)));
  if (!editable) {
    return (
      <ol className="review-timeline">
        {value.map((e, i) => (
          <li key={i}>
            <span className="small muted nowrap">{formatLocalShort(e.at)}</span>
            <span>{e.text || e.kind}</span>
            <span className="small muted">{e.actor}</span>
          </li>
        ))}
      </ol>
    );
  }
  return (
    <div className="stack" style={{ gap: '0.5rem' }}>
      <ol className="review-timeline">
        {value.map((e, i) => (
          <li key={i}>
            <span className="small muted nowrap" title={e.at}>
              {formatLocalShort(e.at)}
            </span>
            <input className="input" aria-label={`Timeline entry ${i + 1}`} value={e.text} placeholder={e.kind} onChange={(ev) => set(i, ev.target.value)} />
            <Button size="sm" variant="ghost" onClick={() => onChange(value.filter((_, n) => n !== i))} aria-label={`Remove timeline entry ${i + 1}`}>
              ×
            </Button>
          </li>
        ))}
      </ol>
      <div>
        <Button size="sm" onClick={() => onChange([...value, { at: new Date().toISOString(), kind: 'note', actor: '', text: '' }])}>
          Add a line
        </Button>
      </div>
    </div>
  );
}
