import { useState } from 'react';
import { OnCallNow } from './on-call-now.tsx';
import { fromLocalInput } from './zone.ts';

/** "Who is on call at…": a time in the schedule's zone and the answer for it. */
export function OnCallAt({ scheduleId, timeZone, refreshKey }: { scheduleId: string; timeZone: string; refreshKey: unknown }) {
  const [value, setValue] = useState('');
  const at = fromLocalInput(value, timeZone);
  return (
    <span className="on-call-at">
      <label className="small">
        At{' '}
        <input className="input" type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} aria-label={`A time in ${timeZone}`} />
      </label>
      {Number.isNaN(at) ? <span className="small muted">({timeZone})</span> : <OnCallNow scheduleId={scheduleId} at={new Date(at).toISOString()} refreshKey={refreshKey} />}
    </span>
  );
}
