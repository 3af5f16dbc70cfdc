import { formatLocal } from '../components/time.tsx';
import type { MaintenanceSchedule } from './types.ts';

const DAY_NAMES: Record<string, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

const duration = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} h` : minutes > 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`);

export function describeSchedule(s: MaintenanceSchedule): string {
  switch (s.kind) {
    case 'once':
      return `${formatLocal(s.startsAt)} → ${formatLocal(s.endsAt)}`;
    case 'weekly':
      return `Every ${s.days.map((d) => DAY_NAMES[d] ?? d).join(', ')} at ${s.time} (${s.timezone}) for ${duration(s.durationMinutes)}`;
    case 'cron':
      return `Cron "${s.cron}" (${s.timezone}) for ${duration(s.durationMinutes)}`;
    default:
      return JSON.stringify(s);
  }
}

/** Whether a one-off window is over (recurring ones never are). */
export const isPast = (s: MaintenanceSchedule, now = Date.now()) => s.kind === 'once' && Date.parse(s.endsAt) < now;
