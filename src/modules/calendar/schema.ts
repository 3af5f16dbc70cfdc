import type { CustosMigration } from '../../platform/db/index.ts';

/** One row per organization that changed its calendar; absent means UTC, Monday to Friday. */
export type BusinessCalendarsTable = {
  org_id: string;
  time_zone: string;
  /** JSON array of `mon` … `sun`. */
  work_days: string;
  created_at: number;
  updated_at: number;
};

export type HolidaysTable = {
  id: string;
  org_id: string;
  /** `YYYY-MM-DD`, a date in the calendar's time zone. */
  date: string;
  name: string;
  /** `manual`, or `import:<country>[-<region>]`. */
  source: string;
  created_at: number;
};

export type CalendarTables = {
  business_calendars: BusinessCalendarsTable;
  holidays: HolidaysTable;
};

export const calendarMigrations: Record<string, CustosMigration> = {
  '2026-12-10-0200-business-calendar': {
    async up(db) {
      await db.schema
        .createTable('business_calendars')
        .addColumn('org_id', 'text', (c) => c.primaryKey())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('work_days', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('holidays')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('holidays_org_date', ['org_id', 'date'])
        .execute();
    },
  },
};
