import { useMemo } from 'react';
import type { Member, Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';

/** The organization's members by user id, and a display name for each. */
export function useMembers() {
  const fetched = useFetch<Page<Member>>('/members');
  const members = useMemo(() => fetched.data?.data ?? [], [fetched.data]);
  return useMemo(() => {
    const byId = new Map(members.map((m) => [m.userId, m]));
    const nameOf = (id: string) => {
      const m = byId.get(id);
      return m ? m.name || m.email : 'former member';
    };
    return { members, byId, nameOf, loaded: fetched.data !== undefined, error: fetched.error };
  }, [members, fetched.data, fetched.error]);
}

export type Members = ReturnType<typeof useMembers>;

