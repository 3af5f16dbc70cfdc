import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Schedule } from './types.ts';

const PALETTE = ['#2563eb', '#0f766e', '#b45309', '#7c3aed', '#be185d', '#15803d', '#0369a1', '#9a3412', '#4d7c0f', '#6d28d9'];

/** A colour from the user id alone: the same everywhere, but two people may share one. */
function hashColor(userId: string): string {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}

const Colors = createContext<Map<string, string> | null>(null);

/** Gives the people of one screen (a schedule's participants, in turn order) distinct colours. */
export function PersonColors({ ids, children }: { ids: string[]; children: ReactNode }) {
  const key = ids.join(',');
  const map = useMemo(() => new Map([...new Set(key.split(','))].map((id, i) => [id, PALETTE[i % PALETTE.length]!])), [key]);
  return <Colors.Provider value={map}>{children}</Colors.Provider>;
}

/** The colour of a person on this screen. */
export function usePersonColor(): (userId: string) => string {
  const map = useContext(Colors);
  return (userId) => map?.get(userId) ?? hashColor(userId);
}

/** A schedule's people, top layer first and in turn order: the order its colours are handed out in. */
export const scheduleParticipants = (schedule: Schedule | undefined) => (schedule ? [...schedule.layers].sort((a, b) => b.position - a.position).flatMap((l) => l.participants) : []);
