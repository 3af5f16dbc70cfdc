import type { Executor } from '../../../platform/db/index.ts';
import type { MaintenanceWindowsTable, MonitorsTable } from '../schema.ts';
import { monitorsDb } from '../store.ts';

const LOAD_PAGE = 2_000;

/** Every monitor that is not paused, a page at a time by id, so the whole table never sits in memory at once. */
export async function* activeMonitorPages(db: Executor): AsyncGenerator<MonitorsTable[]> {
  let after = '';
  for (;;) {
    const page = await monitorsDb(db).selectFrom('monitors').selectAll().where('paused', '=', 0).where('id', '>', after).orderBy('id').limit(LOAD_PAGE).execute();
    if (page.length > 0) yield page;
    if (page.length < LOAD_PAGE) return;
    after = page[page.length - 1].id;
  }
}

/** Monitors changed at or after `since`, paused ones included so the scheduler can drop them. */
export async function monitorsChangedSince(db: Executor, since: number): Promise<MonitorsTable[]> {
  return monitorsDb(db).selectFrom('monitors').selectAll().where('updated_at', '>=', since).execute();
}

/** Every row, paused or not: a count SQLite answers from its smallest index without reading the table. */
export async function countAllMonitors(db: Executor): Promise<number> {
  const row = await monitorsDb(db)
    .selectFrom('monitors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function pausedMonitorIds(db: Executor): Promise<string[]> {
  const rows = await monitorsDb(db).selectFrom('monitors').select('id').where('paused', '=', 1).execute();
  return rows.map((r) => r.id);
}

export async function activeMonitorIds(db: Executor): Promise<string[]> {
  const rows = await monitorsDb(db).selectFrom('monitors').select('id').where('paused', '=', 0).execute();
  return rows.map((r) => r.id);
}

export async function monitorsByIds(db: Executor, ids: string[]): Promise<MonitorsTable[]> {
  const out: MonitorsTable[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(...(await monitorsDb(db).selectFrom('monitors').selectAll().where('id', 'in', ids.slice(i, i + 500)).where('paused', '=', 0).execute()));
  }
  return out;
}

export async function loadActiveWindows(db: Executor): Promise<MaintenanceWindowsTable[]> {
  return monitorsDb(db).selectFrom('maintenance_windows').selectAll().where('active', '=', 1).orderBy('id').execute();
}
