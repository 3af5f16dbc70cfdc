import { assertCan, type Ctx } from '../../platform/context.ts';
import { fieldIssues, ValidationError } from '../../platform/errors.ts';
import { SEVERITIES, StatsInput, type IncidentStats } from './schemas.ts';
import type { IncidentsTable } from './schema.ts';
import { incidentsDb } from './store.ts';

const n = (v: number | string | null) => (v === null ? null : Number(v));
const mean = (xs: number[]) => (xs.length === 0 ? null : Math.round(xs.reduce((a, b) => a + b, 0) / xs.length / 1000));

/** Whether a clock's target was met, missed, or is still open (null) at `now`. */
function outcome(due: number, metAt: number | null, now: number): boolean | null {
  if (metAt !== null) return metAt <= due;
  return now > due ? false : null;
}
const share = (xs: (boolean | null)[]) => {
  const decided = xs.filter((x): x is boolean => x !== null);
  return decided.length === 0 ? null : decided.filter(Boolean).length / decided.length;
};

/** MTTA, MTTR and the share of targets met, by severity, over incidents triggered in [from, to). */
export async function incidentStats({ ctx, input }: { ctx: Ctx; input: { from: string; to: string } }): Promise<IncidentStats> {
  assertCan(ctx, 'read');
  const parsed = StatsInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues));
  const from = Date.parse(parsed.data.from);
  const to = Date.parse(parsed.data.to);
  if (to <= from) throw new ValidationError([{ path: 'to', message: 'must be after from' }]);
  const rows = await incidentsDb(ctx.db)
    .selectFrom('incidents')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('triggered_at', '>=', from)
    .where('triggered_at', '<', to)
    .execute();
  const now = ctx.clock.now();
  const bySeverity = SEVERITIES.map((severity) => {
    const mine: IncidentsTable[] = rows.filter((r) => r.severity === severity);
    const acked = mine.filter((r) => r.acknowledged_at !== null);
    const resolved = mine.filter((r) => r.resolved_at !== null);
    return {
      severity,
      count: mine.length,
      acknowledged: acked.length,
      resolved: resolved.length,
      mttaSeconds: mean(acked.map((r) => Number(r.acknowledged_at) - Number(r.triggered_at))),
      mttrSeconds: mean(resolved.map((r) => Number(r.resolved_at) - Number(r.triggered_at))),
      responseMetShare: share(mine.map((r) => outcome(Number(r.response_due_at), n(r.acknowledged_at) ?? n(r.resolved_at), now))),
      resolutionMetShare: share(mine.map((r) => outcome(Number(r.resolution_due_at), n(r.resolved_at), now))),
    };
  });
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), total: rows.length, bySeverity };
}
