import { listAlerts, type Alert } from '../../alerts/index.ts';
import { verifyAuditChain, type ChainVerification } from '../../audit/index.ts';
import { listHeartbeats, type Heartbeat } from '../../heartbeats/index.ts';
import { listIntegrationFacts, type IntegrationFact } from '../../integrations/index.ts';
import type { Monitor } from '../../monitors/index.ts';
import { listChannelFacts, type ChannelFact } from '../../notifications/index.ts';
import { listEscalationPolicies, listSchedules, type EscalationPolicy, type Schedule } from '../../oncall/index.ts';
import { listComponents, listStatusPages, type Component, type StatusPage } from '../../statuspages/index.ts';
import { DAY } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { allPages, iso } from '../collect.ts';
import { listAllMonitors } from '../org-monitors.ts';
import type { Period } from '../period.ts';
import { incidentsTriggeredIn } from '../sections/incidents.ts';
import { reviewStates, reviewsSince, type ReviewState } from '../sections/reviews.ts';
import { loadMonitorHistories, type MonitorHistory } from '../sections/monitor-history.ts';

export const LOOKBACK_DAYS = 30;
/** Incidents are read back this far for overdue reviews. */
export const REVIEW_LOOKBACK_DAYS = 365;

/** What the rules read, gathered once per check through the owning modules' verbs. */
export interface ComplianceFacts {
  ctx: Ctx;
  now: number;
  window: Period;
  monitors: Monitor[];
  /** Uptime and coverage gaps of every monitor over the window. */
  histories: MonitorHistory[];
  pages: StatusPage[];
  components: (Component & { page: StatusPage })[];
  alerts: Alert[];
  /** Review state of the incidents of the last 365 days that require a post-incident review. */
  reviews: ReviewState[];
  channels: ChannelFact[];
  policies: EscalationPolicy[];
  schedules: Schedule[];
  heartbeats: Heartbeat[];
  integrations: IntegrationFact[];
  audit: ChainVerification;
}

export async function gatherFacts(ctx: Ctx): Promise<ComplianceFacts> {
  const now = ctx.clock.now();
  const window = { from: now - LOOKBACK_DAYS * DAY, to: now };
  const monitors = await listAllMonitors(ctx);
  const pages = (await listStatusPages({ ctx })).data;
  const components = [];
  for (const page of pages) components.push(...(await listComponents({ ctx, pageId: page.id })).data.map((c) => ({ ...c, page })));
  return {
    ctx,
    now,
    window,
    monitors,
    histories: await loadMonitorHistories(ctx, monitors, window),
    pages,
    components,
    alerts: await allPages((cursor) => listAlerts({ ctx, input: { from: iso(window.from), limit: 500, cursor } })),
    reviews: reviewStates(await incidentsTriggeredIn(ctx, { from: now - REVIEW_LOOKBACK_DAYS * DAY, to: now + 1 }), await reviewsSince(ctx, now - REVIEW_LOOKBACK_DAYS * DAY), now),
    channels: await listChannelFacts({ ctx }),
    policies: await listEscalationPolicies({ ctx }),
    schedules: await listSchedules({ ctx }),
    heartbeats: await allPages((cursor) => listHeartbeats({ ctx, input: { limit: 500, cursor }, baseUrl: ctx.config.publicUrl ?? '' })),
    integrations: await listIntegrationFacts({ ctx }),
    audit: await verifyAuditChain({ ctx }),
  };
}
