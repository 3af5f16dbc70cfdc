import { allOrganizations } from '../auth/index.ts';
import { DAY, HOUR } from '../../platform/clock.ts';
import { serviceCtx, systemActor, type Ctx, type Services } from '../../platform/context.ts';

/** One piece of the hourly evidence work for one organization; `daily` steps run in the 01:00 UTC hour only. */
export interface HourStep {
  name: string;
  when?: (slot: number) => boolean;
  run(ctx: Ctx, slot: number): Promise<unknown>;
}

export interface HourSummary {
  slot: string;
  organizations: number;
  steps: number;
  failed: { orgId: string; step: string; error: string }[];
}

/** The hour in which daily work runs: late enough that yesterday's last results are written. */
export const DAILY_HOUR_UTC = 1;
export const isDailySlot = (slot: number) => Math.floor((slot % DAY) / HOUR) === DAILY_HOUR_UTC;

/** Runs every step for every organization; a failing step is reported and the rest still run. */
export async function runEvidenceHour(services: Services, slot: number, steps: HourStep[]): Promise<HourSummary> {
  const orgs = await allOrganizations(services.db);
  const summary: HourSummary = { slot: new Date(slot).toISOString(), organizations: orgs.length, steps: 0, failed: [] };
  for (const org of orgs) {
    const ctx = serviceCtx(services, org.id, systemActor('evidence'), 'owner');
    for (const step of steps) {
      if (step.when && !step.when(slot)) continue;
      try {
        await step.run(ctx, slot);
        summary.steps++;
      } catch (err) {
        summary.failed.push({ orgId: org.id, step: step.name, error: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  return summary;
}
