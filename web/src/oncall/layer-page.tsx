import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import { useFetch } from '../api/use-fetch.ts';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { SubmitCancel } from '../components/submit-cancel.tsx';
import { LayerFields, newLayer } from './layer-fields.tsx';
import { PersonColors, scheduleParticipants } from './person-colors.tsx';
import { useMembers } from './use-members.ts';
import { useSave } from '../api/use-save.ts';
import type { Layer, LayerInput, Schedule } from './types.ts';

const FIELDS = ['name', 'participants', 'rotation', 'shiftHours', 'handoffTime', 'timeZone', 'startDate', 'restrictions'];

function LayerForm({ schedule, layer }: { schedule: Schedule; layer?: Layer }) {
  const client = useClient();
  const [, navigate] = useLocation();
  const members = useMembers();
  const save = useSave();
  const [value, setValue] = useState<LayerInput>(() => (layer ? { ...layer } : { ...newLayer(schedule.timeZone), name: `Layer ${schedule.layers.length + 1}` }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      const body = { name: value.name, participants: value.participants, rotation: value.rotation, shiftHours: value.rotation === 'custom' ? value.shiftHours : undefined, handoffTime: value.handoffTime, timeZone: value.timeZone, startDate: value.startDate, restrictions: value.restrictions };
      if (layer) await client.patch(`/schedules/${schedule.id}/layers/${layer.id}`, body);
      else await client.post(`/schedules/${schedule.id}/layers`, body);
      navigate(`/schedules/${schedule.id}`);
    });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      {save.error !== null && !FIELDS.some((f) => save.errors(f)) && <ErrorBanner error={save.error} title="Not saved." />}
      <fieldset>
        <legend>Rotation</legend>
        <LayerFields value={value} onChange={setValue} members={members} errors={save.errors} />
      </fieldset>
      <SubmitCancel label={layer ? 'Save layer' : 'Add layer'} busy={save.busy} cancelHref={`/schedules/${schedule.id}`} />
    </form>
  );
}

/** Adds a layer (`layerId` absent) on top of the schedule, or edits one. */
export function LayerPage({ scheduleId, layerId }: { scheduleId: string; layerId?: string }) {
  const fetched = useFetch<Schedule>(`/schedules/${scheduleId}`);
  const schedule = fetched.data;
  const layer = layerId ? schedule?.layers.find((l) => l.id === layerId) : undefined;
  return (
    <div className="page narrow">
      <Breadcrumb trail={[{ href: '/schedules', label: 'Schedules' }, { href: `/schedules/${scheduleId}`, label: schedule?.name }]} current={layerId ? 'Edit layer' : 'New layer'} />
      <PageHeader title={layer ? `Edit ${layer.name}` : 'New layer'} subtitle={layerId ? undefined : 'A new layer goes on top: where it has someone, it wins.'} />
      {fetched.error && <ErrorBanner error={fetched.error} />}
      {!schedule && !fetched.error && <Loading />}
      {schedule && layerId && !layer && <ErrorBanner error={new Error('This layer is not in the schedule any more.')} />}
      {schedule && (!layerId || layer) && (
        <PersonColors ids={scheduleParticipants(schedule)}>
          <LayerForm key={layer?.updatedAt ?? 'new'} schedule={schedule} layer={layer} />
        </PersonColors>
      )}
    </div>
  );
}
