import { useMemo } from 'react';
import type { Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useChannels } from '../channels/use-channels.ts';
import { useMembers } from './use-members.ts';
import type { Schedule, Target, TargetType } from './types.ts';

export interface TargetOption {
  value: string;
  label: string;
}

/** What an escalation step can page: members, schedules and channels, with a name for each target. */
export function useTargets() {
  const members = useMembers();
  const { channels } = useChannels();
  const schedules = useFetch<Page<Schedule>>('/schedules');
  return useMemo(() => {
    const options: Record<TargetType, TargetOption[]> = {
      user: members.members.map((m) => ({ value: m.userId, label: m.name || m.email })),
      schedule: (schedules.data?.data ?? []).map((s) => ({ value: s.id, label: s.name })),
      channel: channels.map((c) => ({ value: c.id, label: `${c.name} (${c.type})` })),
    };
    const nameOf = (t: Target) => options[t.type].find((o) => o.value === t.id)?.label ?? (t.type === 'user' ? members.nameOf(t.id) : `${t.type} ${t.id}`);
    return { options, nameOf };
  }, [members, channels, schedules.data]);
}

export const TARGET_LABEL: Record<TargetType, string> = { user: 'Person', schedule: 'On call in schedule', channel: 'Channel' };

export function describeDelay(minutes: number): string {
  if (minutes === 0) return 'at once';
  if (minutes % 60 === 0) return `after ${minutes / 60} h`;
  return minutes > 60 ? `after ${Math.floor(minutes / 60)} h ${minutes % 60} min` : `after ${minutes} min`;
}
