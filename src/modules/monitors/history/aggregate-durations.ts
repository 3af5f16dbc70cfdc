import { sql } from 'kysely';
import { HOUR } from '../../../platform/clock.ts';
import type { Dialect, Executor } from '../../../platform/db/index.ts';
import type { MonitorState } from '../schema.ts';
import { greatest, inIds, least, monitorsIn } from './store.ts';

export interface StateMsRow {
  monitor_id: string;
  state: MonitorState;
  /** Milliseconds in the state within each window, in the order the windows were given. */
  ms: number[];
}

/**
 * Milliseconds per state for many monitors and several windows ending at `to`, in one grouped
 * statement. Segments run from each monitor's last flip at or before the earliest start (an index
 * seek) through the flips up to `to`, LEAD giving each flip's end; a monitor that never flipped
 * before that start adds a head segment (from creation) in the state its first flip left, or its
 * current state. Each window then sums the segments clipped to it. Time before creation is not
 * returned and coverage gaps are not subtracted here.
 */
export async function aggregateStateMs(db: Executor, dialect: Dialect, orgId: string, ids: readonly string[], froms: readonly number[], to: number): Promise<StateMsRow[]> {
  const lo = least(dialect);
  const hi = greatest(dialect);
  const start = Math.min(...froms);
  const sums = froms.map((from, i) => sql`cast(sum(${hi}(0, ${lo}(e, ${to}) - ${hi}(s, ${from}))) as bigint) as ${sql.ref(`ms${i}`)}`);
  const result = await sql<Record<string, unknown> & { monitor_id: string; state: MonitorState }>`
    with b as materialized (
      select m.id as monitor_id, m.created_at, m.state,
        (select max(p.at) from monitor_flips p where p.monitor_id = m.id and p.at <= ${start}) as lo_at
      from ${monitorsIn(dialect, ids)} and m.org_id = ${orgId}
    ),
    seg as (
      select f.monitor_id, f.at as s, f.to_state as state, coalesce(lead(f.at) over (partition by f.monitor_id order by f.at, f.id), ${to}) as e
      from b join monitor_flips f on f.monitor_id = b.monitor_id and f.at >= coalesce(b.lo_at, ${start}) and f.at < ${to}
      where f.org_id = ${orgId}
      union all
      select b.monitor_id, ${hi}(b.created_at, ${start}) as s,
        coalesce((select p.from_state from monitor_flips p where p.monitor_id = b.monitor_id and p.at > ${start} order by p.at, p.id limit 1), b.state) as state,
        coalesce((select min(p.at) from monitor_flips p where p.monitor_id = b.monitor_id and p.at > ${start}), ${to}) as e
      from b where b.lo_at is null and b.created_at < ${to}
    )
    select monitor_id, state, ${sql.join(sums)} from seg group by monitor_id, state`.execute(db);
  return result.rows.map((r) => ({ monitor_id: r.monitor_id, state: r.state, ms: froms.map((_, i) => Number(r[`ms${i}`])) }));
}

/** Hourly average latency of the 24 hours before `end` (an hour boundary), as `hourIndex:avg` lists grouped per monitor. */
export async function hourlyAverages(db: Executor, dialect: Dialect, orgId: string, ids: readonly string[], end: number): Promise<Map<string, (number | null)[]>> {
  const start = end - 24 * HOUR;
  const item = sql`cast((start_at - ${sql.lit(start)}) / ${sql.lit(HOUR)} as text) || ':' || cast(latency_avg as text)`;
  const agg = dialect === 'postgres' ? sql`string_agg(${item}, ',')` : sql`group_concat(${item}, ',')`;
  const result = await sql<{ monitor_id: string; points: string }>`
    select monitor_id, ${agg} as points from monitor_rollups
    where org_id = ${orgId} and period = 'hour' and start_at >= ${start} and start_at < ${end} and latency_avg is not null
      and ${inIds(dialect, 'monitor_id', ids)}
    group by monitor_id`.execute(db);
  const out = new Map<string, (number | null)[]>();
  for (const r of result.rows) out.set(r.monitor_id, parsePoints(r.points));
  return out;
}

/** `i:avg,i:avg,...` into 24 slots; a scan rather than split(), which costs several times more at 240,000 pairs. */
function parsePoints(text: string): (number | null)[] {
  const series: (number | null)[] = Array.from({ length: 24 }, () => null);
  for (let i = 0; i < text.length; ) {
    const colon = text.indexOf(':', i);
    const comma = text.indexOf(',', colon) === -1 ? text.length : text.indexOf(',', colon);
    series[Number(text.slice(i, colon))] = Number(text.slice(colon + 1, comma));
    i = comma + 1;
  }
  return series;
}
