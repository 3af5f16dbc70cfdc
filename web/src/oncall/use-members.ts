import { useMemo } from 'react';
import type { Member, Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';

const PALETTE = ['#2563eb', '#0f766e', '#b45309', '#7c3aed', '#be185d', '#15803d', '#0369a1', '#9a3412', '#4d7c0f', '#6d28d9'];

/** The organization's members by user id, a display name for each, and a stable colour per person. */
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

/** The same person gets the same colour on every calendar. */
export function personColor(userId: string): string {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}
