export type Weekday = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';
export const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export type MaintenanceSchedule =
  | { kind: 'once'; startsAt: string; endsAt: string }
  | { kind: 'cron'; cron: string; timezone: string; durationMinutes: number }
  | { kind: 'weekly'; days: Weekday[]; time: string; timezone: string; durationMinutes: number };

export interface MaintenanceWindow {
  id: string;
  name: string;
  selector: { monitorIds?: string[]; labels?: Record<string, string> };
  schedule: MaintenanceSchedule;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}
