import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import { useFetch } from '../api/use-fetch.ts';
import { ErrorBanner } from '../components/error-banner.tsx';
import { TextAreaField, TextField } from '../components/field.tsx';
import { Loading } from '../components/loading.tsx';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { SubmitCancel } from '../components/submit-cancel.tsx';
import { LayerFields, newLayer } from './layer-fields.tsx';
import { useMembers } from './use-members.ts';
import { useSave } from '../api/use-save.ts';
import type { LayerInput, Schedule } from './types.ts';
import { allZones, browserZone } from './zone.ts';

function ScheduleForm({ schedule }: { schedule?: Schedule }) {
  const client = useClient();
  const [, navigate] = useLocation();
  const members = useMembers();
  const save = useSave();
  const [name, setName] = useState(schedule?.name ?? '');
  const [description, setDescription] = useState(schedule?.description ?? '');
  const [timeZone, setTimeZone] = useState(schedule?.timeZone ?? browserZone());
  const [layer, setLayer] = useState<LayerInput>(() => newLayer(timeZone));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      const body = { name, description: description.trim() || (schedule ? null : undefined), timeZone };
      const saved = schedule ? await client.patch<Schedule>(`/schedules/${schedule.id}`, body) : await client.post<Schedule>('/schedules', { ...body, layers: [{ ...layer, timeZone: layer.timeZone || timeZone }] });
      navigate(`/schedules/${saved.id}`);
    });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      {save.error !== null && !['name', 'description', 'timeZone', 'layers.0'].some((f) => save.errors(f)) && <ErrorBanner error={save.error} title="Not saved." />}
      <fieldset>
        <legend>Schedule</legend>
        <div className="form-grid">
          <TextField label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={save.errors('name')} placeholder="Platform primary" autoFocus />
          <TextField label="Time zone" list="schedule-zones" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} error={save.errors('timeZone')} hint="Shown in calendars; the default for new layers." spellCheck={false} />
          <datalist id="schedule-zones">
            {allZones().map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <TextAreaField className="wide" label="Description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} error={save.errors('description')} />
        </div>
      </fieldset>
      {!schedule && (
        <fieldset>
          <legend>First layer</legend>
          <LayerFields value={layer} onChange={setLayer} members={members} errors={(p) => save.errors(`layers.0.${p}`)} />
        </fieldset>
      )}
      <SubmitCancel label={schedule ? 'Save changes' : 'Create schedule'} busy={save.busy} cancelHref={schedule ? `/schedules/${schedule.id}` : '/schedules'} />
    </form>
  );
}

export function NewSchedulePage() {
  return (
    <div className="page narrow">
      <Breadcrumb trail={[{ href: '/schedules', label: 'Schedules' }]} current="New" />
      <PageHeader title="New schedule" subtitle="Start with one rotation; add layers (a weekend rotation, business hours) afterwards." />
      <ScheduleForm />
    </div>
  );
}

export function EditSchedulePage({ id }: { id: string }) {
  const fetched = useFetch<Schedule>(`/schedules/${id}`);
  return (
    <div className="page narrow">
      <Breadcrumb trail={[{ href: '/schedules', label: 'Schedules' }, { href: `/schedules/${id}`, label: fetched.data?.name }]} current="Edit" />
      <PageHeader title={fetched.data ? `Edit ${fetched.data.name}` : 'Edit schedule'} />
      {fetched.error && <ErrorBanner error={fetched.error} />}
      {!fetched.data && !fetched.error && <Loading />}
      {fetched.data && <ScheduleForm key={fetched.data.updatedAt} schedule={fetched.data} />}
    </div>
  );
}
