import type { FieldErrors } from '../../api/field-errors.ts';
import { TextAreaField, TextField } from '../../components/field.tsx';
import type { MonitorDraft } from './monitor-draft.ts';

type Key = 'interval' | 'timeoutMs' | 'retryInterval' | 'confirmDown' | 'confirmUp' | 'labels';

export function ScheduleFields({ draft, set, errors }: { draft: MonitorDraft; set: (key: Key, value: string) => void; errors: FieldErrors }) {
  const number = (key: Key, label: string, hint: string) => (
    <TextField label={label} hint={hint} type="number" inputMode="numeric" value={draft[key]} onChange={(e) => set(key, e.target.value)} error={errors(key)} />
  );
  return (
    <fieldset>
      <legend>Schedule and alerting</legend>
      <div className="form-grid">
        {number('interval', 'Check every (seconds)', '10 s to 24 h.')}
        {number('confirmDown', 'Failures before down', 'Consecutive failed checks.')}
        {number('confirmUp', 'Successes before up', 'Consecutive good checks after down.')}
        {number('timeoutMs', 'Timeout (ms)', 'Default: 10 s or the interval.')}
        {number('retryInterval', 'Retry every (seconds)', 'While a failure is unconfirmed.')}
        <TextAreaField
          className="wide"
          label="Tags"
          hint="One key=value per line; used for filters, maintenance and routing."
          rows={2}
          value={draft.labels}
          onChange={(e) => set('labels', e.target.value)}
          error={errors('labels')}
          placeholder={'env=production\nteam=payments'}
        />
      </div>
    </fieldset>
  );
}
