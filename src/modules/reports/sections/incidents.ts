import { listIncidents, SEVERITIES, type Incident } from '../../incidents/index.ts';
import type { Ctx } from '../../../platform/context.ts';
import { mean, ratio } from '../collect.ts';
import type { Period } from '../period.ts';
import type { IncidentSection, SeverityStats } from '../schemas.ts';
import { reviewStates, reviewStats, reviewsSince } from './reviews.ts';

type Clock = Incident['sla']['response'];

/** Incidents triggered in [from, to), read newest first until the page passes `from`. */
export async function incidentsTriggeredIn(ctx: Ctx, period: Period): Promise<Incident[]> {
  const found: Incident[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await listIncidents({ ctx, input: { limit: 500, cursor } });
    for (const i of page.data) {
      const at = Date.parse(i.triggeredAt);
      if (at >= period.from && at < period.to) found.push(i);
    }
    const last = page.data.at(-1);
    if (!page.nextCursor || !last || Date.parse(last.triggeredAt) < period.from) return found;
    cursor = page.nextCursor;
  }
}

/** Of the clocks that ended or passed their due time by `now`, the share met in time. */
function metShare(clocks: Clock[], now: number): number | null {
  const judged = clocks.filter((c) => c.metAt !== null || Date.parse(c.dueAt) <= now);
  return ratio(judged.filter((c) => c.metAt !== null && Date.parse(c.metAt) <= Date.parse(c.dueAt)).length, judged.length);
}

const seconds = (values: (number | null)[]) => mean(values.filter((v): v is number => v !== null).map((v) => v * 1000));

function statsOf(severity: string, incidents: Incident[], now: number): SeverityStats {
  return {
    severity,
    count: incidents.length,
    acknowledged: incidents.filter((i) => i.acknowledgedAt).length,
    resolved: incidents.filter((i) => i.resolvedAt).length,
    mttaMs: seconds(incidents.map((i) => i.mttaSeconds)),
    mttrMs: seconds(incidents.map((i) => i.mttrSeconds)),
    responseTargetMs: null,
    resolutionTargetMs: null,
    metResponse: metShare(incidents.map((i) => i.sla.response), now),
    metResolution: metShare(incidents.map((i) => i.sla.resolution), now),
  };
}

/** Incidents triggered in the period by severity, with MTTA/MTTR, SLA clocks met and reviews done on time. */
export async function incidentSection(ctx: Ctx, period: Period): Promise<IncidentSection> {
  const incidents = await incidentsTriggeredIn(ctx, period);
  const now = ctx.clock.now();
  return {
    source: 'incidents',
    bySeverity: SEVERITIES.map((s) => statsOf(s, incidents.filter((i) => i.severity === s), now)),
    reviews: reviewStats(reviewStates(incidents, await reviewsSince(ctx, period.from), now)),
  };
}
