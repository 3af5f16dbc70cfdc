import { useState } from 'react';
import { Link } from 'wouter';
import { useFetch } from '../api/use-fetch.ts';
import { useCan } from '../auth/session.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { LoadFailure } from '../components/load-failure.tsx';
import { Loading } from '../components/loading.tsx';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useDeleteAndLeave } from '../components/use-delete-and-leave.ts';
import { CalendarCard } from './calendar-card.tsx';
import { FeedTokensCard } from './feed-tokens-card.tsx';
import { LayersCard } from './layers-card.tsx';
import { OnCallAt } from './on-call-at.tsx';
import { OnCallNow } from './on-call-now.tsx';
import { OverridesCard } from './overrides-card.tsx';
import { PersonColors, scheduleParticipants } from './person-colors.tsx';
import { useMembers } from './use-members.ts';
import type { Schedule } from './types.ts';

export function ScheduleDetailPage({ id }: { id: string }) {
  const deleteAndLeave = useDeleteAndLeave();
  const canWrite = useCan('write');
  const fetched = useFetch<Schedule>(`/schedules/${id}`);
  const members = useMembers();
  const [version, setVersion] = useState(0);
  const changed = () => {
    setVersion((v) => v + 1);
    fetched.reload();
  };
  const schedule = fetched.data;
  if (fetched.error) return <LoadFailure error={fetched.error} what="Schedule" back={{ href: '/schedules', label: 'Back to schedules' }} note="It may have been deleted, or belong to another organization." />;
  if (!schedule) return <Loading label="Loading schedule…" />;

  const remove = () => deleteAndLeave({ path: `/schedules/${id}`, name: schedule.name, back: '/schedules' });
  return (
    <PersonColors ids={scheduleParticipants(schedule)}>
      <div className="page">
        <Breadcrumb trail={[{ href: '/schedules', label: 'Schedules' }]} current={schedule.name} />
        <PageHeader
          title={schedule.name}
          subtitle={schedule.description ?? `Times in ${schedule.timeZone}`}
          actions={
            canWrite && (
              <>
                <Link href={`/schedules/${id}/edit`} className="btn">
                  Edit
                </Link>
                <ConfirmButton title={`Delete ${schedule.name}?`} message="Its layers, overrides and feed links go too. A schedule an escalation policy pages cannot be deleted." confirmLabel="Delete schedule" onConfirm={remove}>
                  Delete
                </ConfirmButton>
              </>
            )
          }
        />
        <div className="detail-summary">
          <span>
            On call now: <OnCallNow scheduleId={id} refreshKey={version} />
          </span>
          <OnCallAt scheduleId={id} timeZone={schedule.timeZone} refreshKey={version} />
        </div>
        <CalendarCard schedule={schedule} members={members} refreshKey={version} onChange={changed} />
        <div className="grid-2">
          <LayersCard schedule={schedule} members={members} onChange={changed} />
          <OverridesCard scheduleId={id} members={members} refreshKey={version} onChange={changed} />
        </div>
        {canWrite && <FeedTokensCard base={`/schedules/${id}`} intro="Anyone with the link sees this schedule's shifts from 30 days back to 90 ahead. Revoke a link to stop it." />}
      </div>
    </PersonColors>
  );
}
