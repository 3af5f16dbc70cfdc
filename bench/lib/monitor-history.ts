// Fills a Custos SQLite file with `days` of history for every monitor of one organization, in a
// few INSERT ... SELECT statements: flips (creation, three incidents
// of 3–90 minutes, an hour of maintenance for every tenth monitor), one process-wide coverage gap,
// day rollups for every finished day, hour rollups for the last `hourDays` days, and raw results for the last `rawHours` hours.
import { DatabaseSync } from 'node:sqlite';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface MonitorHistorySpec {
  file: string;
  orgId: string;
  now: number;
  days: number;
  /** Hour rollups for the last this many days only (the API reads the last 24 hours of them). */
  hourDays: number;
  rawHours: number;
}

export interface MonitorHistoryCounts {
  monitors: number;
  flips: number;
  gaps: number;
  hourRollups: number;
  dayRollups: number;
  rawResults: number;
}

const count = (db: DatabaseSync, table: string) => Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);

export function writeMonitorHistory(spec: MonitorHistorySpec): MonitorHistoryCounts {
  const db = new DatabaseSync(spec.file, { timeout: 60_000 });
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF');
  const lastHour = Math.floor(spec.now / HOUR) * HOUR;
  const today = Math.floor(spec.now / DAY) * DAY;
  const start = today - spec.days * DAY;
  const created = start - HOUR;
  const org = spec.orgId;
  db.exec('BEGIN');
  // Every 50th monitor is down now (its last incident still running), every 100th paused.
  db.prepare(
    `UPDATE monitors SET created_at = :created, updated_at = :created, state_since = :created,
       state = CASE WHEN rowid % 100 = 0 THEN 'paused' WHEN rowid % 50 = 0 THEN 'down' ELSE 'up' END,
       health_state = CASE WHEN rowid % 50 = 0 AND rowid % 100 <> 0 THEN 'down' ELSE 'up' END,
       paused = CASE WHEN rowid % 100 = 0 THEN 1 ELSE 0 END
     WHERE org_id = :org`,
  ).run({ org, created });
  const incidents = `WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < ${Math.floor(spec.days / 10) - 1}),
    inc AS (SELECT m.id AS monitor_id, m.rowid AS n, k.i,
      :start + k.i * ${10 * DAY} + ((m.rowid * 7919 + k.i * 104729) % ${9 * 1440}) * ${MINUTE} AS s,
      (3 + (m.rowid * 31 + k.i * 17) % 88) * ${MINUTE} AS len
      FROM monitors m, k WHERE m.org_id = :org)`;
  db.prepare(
    `INSERT INTO monitor_flips (id, org_id, monitor_id, at, from_state, to_state, reason)
     SELECT 'fc-' || id, org_id, id, :created + ${MINUTE}, 'pending', 'up', NULL FROM monitors WHERE org_id = :org`,
  ).run({ org, created });
  db.prepare(
    `${incidents}
     INSERT INTO monitor_flips (id, org_id, monitor_id, at, from_state, to_state, reason)
     SELECT 'fd-' || monitor_id || '-' || i, :org, monitor_id, s, 'up', 'down', '{"code":"TIMEOUT"}' FROM inc
     UNION ALL
     SELECT 'fu-' || monitor_id || '-' || i, :org, monitor_id, s + len, 'down', 'up', NULL FROM inc`,
  ).run({ org, start });
  db.prepare(
    `INSERT INTO monitor_flips (id, org_id, monitor_id, at, from_state, to_state, reason)
     SELECT 'fm-' || id, org_id, id, :start + ${14 * DAY + 2 * HOUR}, 'up', 'maintenance', NULL FROM monitors WHERE org_id = :org AND rowid % 10 = 0
     UNION ALL
     SELECT 'fn-' || id, org_id, id, :start + ${14 * DAY + 3 * HOUR}, 'maintenance', 'up', NULL FROM monitors WHERE org_id = :org AND rowid % 10 = 0
     UNION ALL
     SELECT 'fx-' || id, org_id, id, :lastHour - ${20 * MINUTE}, 'up', CASE WHEN rowid % 100 = 0 THEN 'paused' ELSE 'down' END, NULL FROM monitors WHERE org_id = :org AND rowid % 50 = 0`,
  ).run({ org, start, lastHour });
  db.prepare(
    `INSERT INTO coverage_gaps (id, org_id, monitor_id, from_at, to_at, missed_checks, cause, detail)
     SELECT 'g-' || id, org_id, id, :from, :from + ${10 * MINUTE}, 10, 'process_down', 'custos was not running' FROM monitors WHERE org_id = :org`,
  ).run({ org, from: today - 3 * DAY + 5 * HOUR });
  const rollup = (period: 'hour' | 'day', width: number, periods: number, from: number) =>
    db
      .prepare(
        `WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < ${periods - 1})
         INSERT INTO monitor_rollups (org_id, monitor_id, period, start_at, expected, executed, up, degraded, down,
           latency_p50, latency_p95, latency_p99, latency_avg, up_ms, degraded_ms, down_ms, maintenance_ms, nodata_ms, paused_ms)
         SELECT m.org_id, m.id, '${period}', :from + k.i * ${width}, ${width / MINUTE}, ${width / MINUTE}, ${width / MINUTE}, 0, 0,
           40 + (m.rowid + k.i) % 20, 80 + (m.rowid + k.i) % 40, 120 + (m.rowid + k.i) % 60, 42.5 + (m.rowid * 3 + k.i) % 20, ${width}, 0, 0, 0, 0, 0
         FROM monitors m, k WHERE m.org_id = :org`,
      )
      .run({ org, from });
  rollup('hour', HOUR, (lastHour - (today - spec.hourDays * DAY)) / HOUR, today - spec.hourDays * DAY);
  rollup('day', DAY, spec.days, start);
  db.prepare(
    `WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < ${spec.rawHours * 60 - 1})
     INSERT INTO check_results (org_id, monitor_id, at, outcome, latency_ms, error_code, message, timings, details)
     SELECT m.org_id, m.id, :from + k.i * ${MINUTE} + (m.rowid % 60) * 1000, 'up', 30 + (m.rowid + k.i) % 40, NULL, NULL, NULL, NULL
     FROM monitors m, k WHERE m.org_id = :org`,
  ).run({ org: spec.orgId, from: spec.now - spec.rawHours * HOUR - MINUTE });
  db.exec('COMMIT');
  const out: MonitorHistoryCounts = {
    monitors: count(db, 'monitors'),
    flips: count(db, 'monitor_flips'),
    gaps: count(db, 'coverage_gaps'),
    hourRollups: Number((db.prepare("SELECT count(*) AS n FROM monitor_rollups WHERE period = 'hour'").get() as { n: number }).n),
    dayRollups: Number((db.prepare("SELECT count(*) AS n FROM monitor_rollups WHERE period = 'day'").get() as { n: number }).n),
    rawResults: count(db, 'check_results'),
  };
  db.close();
  return out;
}
