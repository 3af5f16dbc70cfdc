import type { Ctx } from '../../platform/context.ts';
import { ValidationError, type FieldIssue } from '../../platform/errors.ts';
import type { ChannelDirectory } from './channels.ts';
import type { Step } from './escalation-schemas.ts';
import { orgMembers } from './members.ts';
import { oncallDb } from './store.ts';

export const DEFAULT_REPEAT_GAP_MIN = 30;

/**
 * Checks a policy as a whole and reports every problem at once: steps in order of delay, a
 * repeat that starts after the last step, and targets that exist in the organization.
 * Returns the pass length in minutes.
 */
export async function checkPolicy(ctx: Ctx, channels: ChannelDirectory, policy: { steps: Step[]; repeat: number; repeatAfterMinutes?: number }): Promise<number> {
  const issues: FieldIssue[] = [];
  policy.steps.forEach((s, i) => {
    if (i > 0 && s.delayMinutes < policy.steps[i - 1].delayMinutes) issues.push({ path: `steps.${i}.delayMinutes`, message: 'must not be less than the step before' });
  });
  const last = Math.max(...policy.steps.map((s) => s.delayMinutes));
  const passMinutes = policy.repeatAfterMinutes ?? last + DEFAULT_REPEAT_GAP_MIN;
  if (passMinutes <= last) issues.push({ path: 'repeatAfterMinutes', message: `must be more than the last step's delay (${last})` });

  const [members, schedules, known] = await Promise.all([
    orgMembers(ctx),
    oncallDb(ctx.db).selectFrom('oncall_schedules').select('id').where('org_id', '=', ctx.orgId).execute(),
    channels.list(ctx),
  ]);
  const exists = { user: (id: string) => members.has(id), schedule: (id: string) => schedules.some((s) => s.id === id), channel: (id: string) => known.some((c) => c.id === id) };
  policy.steps.forEach((s, i) =>
    s.targets.forEach((t, j) => {
      if (!exists[t.type](t.id)) issues.push({ path: `steps.${i}.targets.${j}.id`, message: `no such ${t.type === 'user' ? 'member' : t.type} in this organization` });
    }),
  );
  if (issues.length > 0) throw new ValidationError(issues);
  return passMinutes;
}
