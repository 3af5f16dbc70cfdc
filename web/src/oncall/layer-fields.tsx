import { useId } from 'react';
import type { FieldErrors } from '../api/field-errors.ts';
import { SelectField, TextField } from '../components/field.tsx';
import { ParticipantsField } from './participants-field.tsx';
import { RestrictionsField } from './restrictions-field.tsx';
import type { Members } from './use-members.ts';
import type { LayerInput } from './types.ts';
import { allZones } from './zone.ts';

export const newLayer = (timeZone: string): LayerInput => ({
  name: 'Primary',
  participants: [],
  rotation: 'weekly',
  shiftHours: 24,
  handoffTime: '09:00',
  timeZone,
  startDate: new Date().toISOString().slice(0, 10),
  restrictions: [],
});

/** One rotation's fields; `errors` reads the server's issues under this layer's path. */
export function LayerFields({ value, onChange, members, errors }: { value: LayerInput; onChange: (v: LayerInput) => void; members: Members; errors: FieldErrors }) {
  const zones = useId();
  const set = (change: Partial<LayerInput>) => onChange({ ...value, ...change });
  return (
    <div className="form-grid">
      <TextField label="Layer name" required value={value.name} onChange={(e) => set({ name: e.target.value })} error={errors('name')} />
      <SelectField
        label="Shift length"
        value={value.rotation}
        onChange={(e) => set({ rotation: e.target.value as LayerInput['rotation'] })}
        error={errors('rotation')}
        options={[
          { value: 'daily', label: 'Daily (24 hours)' },
          { value: 'weekly', label: 'Weekly (7 days)' },
          { value: 'custom', label: 'Custom (hours)' },
        ]}
      />
      {value.rotation === 'custom' && <TextField label="Hours per shift" type="number" min={1} max={8760} value={value.shiftHours} onChange={(e) => set({ shiftHours: Number(e.target.value) })} error={errors('shiftHours')} />}
      <TextField label="Handoff time" type="time" value={value.handoffTime} onChange={(e) => set({ handoffTime: e.target.value })} error={errors('handoffTime')} hint="Wall-clock time of each handoff; stays put across DST." />
      <TextField label="Time zone" list={zones} value={value.timeZone} onChange={(e) => set({ timeZone: e.target.value })} error={errors('timeZone')} spellCheck={false} />
      <datalist id={zones}>
        {allZones().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <TextField label="First shift on" type="date" value={value.startDate} onChange={(e) => set({ startDate: e.target.value })} error={errors('startDate')} hint="The first participant's shift starts that day at the handoff time." />
      <ParticipantsField value={value.participants} onChange={(participants) => set({ participants })} members={members} error={errors('participants')} />
      <RestrictionsField value={value.restrictions} onChange={(restrictions) => set({ restrictions })} error={errors} />
    </div>
  );
}
