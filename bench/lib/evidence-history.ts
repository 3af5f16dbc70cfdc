// Writes a year of monitor history straight into a Custos SQLite file, the way the engine and the
// rollup job would have left it: flips (incidents, monthly maintenance), coverage gaps, hour and
// day rollups for every hour, and raw results for the last `rawDays` days.
import { DatabaseSync } from 'node:sqlite';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface HistorySpec {
  file: string;
  orgId: string;
  monitorIds: string[];
  createdAt: number;
  from: number;
  days: number;
  rawDays: number;
  /** Process-wide outages (every monitor has a coverage gap). */
  gaps: { from: number; to: number }[];
}

interface Span {
  from: number;
  to: number;
  state: 'down' | 'maintenance';
}

/** A small deterministic PRNG (mulberry32), so every run seeds the same history. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About three incidents a month of 3–90 minutes; every tenth monitor has an hour of maintenance each month. */
function spansOf(index: number, spec: HistorySpec): Span[] {
  const rand = prng(index + 1);
  const spans: Span[] = [];
  const end = spec.from + spec.days * DAY;
  for (let at = spec.from + rand() * 10 * DAY; at < end; at += (3 + rand() * 14) * DAY) {
    const from = Math.floor(at / MINUTE) * MINUTE;
    spans.push({ from, to: Math.min(end, from + Math.ceil(3 + rand() * 87) * MINUTE), state: 'down' });
  }
  if (index % 10 === 0) {
    for (let month = 0; month < spec.days / 30; month++) {
      const from = spec.from + month * 30 * DAY + 14 * DAY + 2 * HOUR;
      if (from + HOUR <= end) spans.push({ from, to: from + HOUR, state: 'maintenance' });
    }
  }
  return spans.toSorted((a, b) => a.from - b.from).filter((s, i, all) => i === 0 || s.from >= all[i - 1].to);
}

const overlap = (a: number, b: number, c: number, d: number) => Math.max(0, Math.min(b, d) - Math.max(a, c));

export interface HistoryCounts {
  flips: number;
  gaps: number;
  hourRollups: number;
  dayRollups: number;
  rawResults: number;
}

export function writeHistory(spec: HistorySpec): HistoryCounts {
  const db = new DatabaseSync(spec.file, { timeout: 60_000 });
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF');
  const flip = db.prepare('INSERT INTO monitor_flips (id, org_id, monitor_id, at, from_state, to_state, reason) VALUES (?, ?, ?, ?, ?, ?, NULL)');
  const gap = db.prepare("INSERT INTO coverage_gaps (id, org_id, monitor_id, from_at, to_at, missed_checks, cause, detail) VALUES (?, ?, ?, ?, ?, ?, 'process_down', 'custos was not running')");
  const rollup = db.prepare(
    'INSERT INTO monitor_rollups (org_id, monitor_id, period, start_at, expected, executed, up, degraded, down, latency_p50, latency_p95, latency_p99, latency_avg, up_ms, degraded_ms, down_ms, maintenance_ms, nodata_ms, paused_ms) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 0)',
  );
  const raw = db.prepare('INSERT INTO check_results (org_id, monitor_id, at, outcome, latency_ms, error_code, message, timings, details) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL)');
  const counts: HistoryCounts = { flips: 0, gaps: 0, hourRollups: 0, dayRollups: 0, rawResults: 0 };
  const end = spec.from + spec.days * DAY;
  const rawFrom = end - spec.rawDays * DAY;
  for (const [index, id] of spec.monitorIds.entries()) {
    const spans = spansOf(index, spec);
    const rand = prng(1_000_003 + index);
    db.exec('BEGIN');
    let n = 0;
    const addFlip = (at: number, from: string, to: string) => {
      flip.run(`f-${index}-${n++}`, spec.orgId, id, at, from, to);
      counts.flips++;
    };
    addFlip(spec.createdAt, 'pending', 'up');
    for (const s of spans) {
      addFlip(s.from, 'up', s.state);
      addFlip(s.to, s.state, 'up');
    }
    for (const [g, x] of spec.gaps.entries()) {
      gap.run(`g-${index}-${g}`, spec.orgId, id, x.from, x.to, Math.round((x.to - x.from) / MINUTE));
      counts.gaps++;
    }
    let k = 0;
    for (let day = spec.from; day < end; day += DAY) {
      const sum = { expected: 0, executed: 0, up: 0, down: 0, upMs: 0, downMs: 0, maintMs: 0, noDataMs: 0 };
      for (let hour = day; hour < day + DAY; hour += HOUR) {
        while (k < spans.length && spans[k].to <= hour) k++;
        let downMs = 0;
        let maintMs = 0;
        for (let j = k; j < spans.length && spans[j].from < hour + HOUR; j++) {
          const ms = overlap(hour, hour + HOUR, spans[j].from, spans[j].to);
          if (spans[j].state === 'down') downMs += ms;
          else maintMs += ms;
        }
        const noDataMs = spec.gaps.reduce((ms, g) => ms + overlap(hour, hour + HOUR, g.from, g.to), 0);
        const upMs = HOUR - downMs - maintMs - noDataMs;
        const expected = Math.round((HOUR - maintMs) / MINUTE);
        const executed = expected - Math.round(noDataMs / MINUTE);
        const down = Math.round(downMs / MINUTE);
        const p50 = 40 + Math.round(rand() * 20);
        rollup.run(spec.orgId, id, 'hour', hour, expected, executed, executed - down, down, p50, p50 * 2, p50 * 3, p50 + 5, upMs, downMs, maintMs, noDataMs);
        counts.hourRollups++;
        Object.assign(sum, { expected: sum.expected + expected, executed: sum.executed + executed, up: sum.up + executed - down, down: sum.down + down, upMs: sum.upMs + upMs, downMs: sum.downMs + downMs, maintMs: sum.maintMs + maintMs, noDataMs: sum.noDataMs + noDataMs });
        if (hour >= rawFrom) {
          for (let at = hour; at < hour + HOUR; at += MINUTE) {
            if (spec.gaps.some((g) => at >= g.from && at < g.to)) continue;
            const span = spans.find((s) => at >= s.from && at < s.to);
            if (span?.state === 'maintenance') continue;
            const isDown = span?.state === 'down';
            raw.run(spec.orgId, id, at, isDown ? 'down' : 'up', isDown ? 10_000 : 30 + Math.round(rand() * 40), isDown ? 'TIMEOUT' : null);
            counts.rawResults++;
          }
        }
      }
      rollup.run(spec.orgId, id, 'day', day, sum.expected, sum.executed, sum.up, sum.down, 50, 100, 150, 55, sum.upMs, sum.downMs, sum.maintMs, sum.noDataMs);
      counts.dayRollups++;
    }
    db.exec('COMMIT');
  }
  db.exec("UPDATE monitors SET state = 'up', health_state = 'up'");
  db.close();
  return counts;
}

/** Bytes each table uses, its indexes included (SQLite's dbstat). */
export function tableBytes(file: string): Record<string, number> {
  const db = new DatabaseSync(file, { readOnly: true });
  const owner = new Map((db.prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type IN ('table', 'index')").all() as { name: string; tbl_name: string }[]).map((r) => [r.name, r.tbl_name]));
  const out: Record<string, number> = {};
  for (const r of db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[]) {
    const table = owner.get(r.name) ?? r.name;
    out[table] = (out[table] ?? 0) + Number(r.bytes);
  }
  db.close();
  return out;
}
