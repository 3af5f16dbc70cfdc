import type { Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { MonitorFacts } from './facts.ts';

/** Rejects monitor ids that are not monitors of the organization, naming each (`monitorIds.1`). */
export async function assertMonitorsInOrg(ctx: Ctx, facts: MonitorFacts, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const known = await facts.states(ctx.orgId, unique);
  const issues = ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `monitorIds.${i}`, message: 'no such monitor in this organization' }]));
  if (issues.length) throw new ValidationError(issues);
  return unique;
}
