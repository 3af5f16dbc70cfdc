import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { fieldIssues, ValidationError, type FieldIssue } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { parseDuration } from './durations.ts';
import { matches, parseMatchers } from './matchers.ts';
import type { SilencesTable } from './schema.ts';
import { CreateSilenceInput, type Silence } from './schemas.ts';
import { SILENCE_END_JOB, type SilenceEndPayload } from './silence-ended.ts';
import { alertsDb, toSilence } from './store.ts';

function window(input: CreateSilenceInput, now: number): { startsAt: number; endsAt: number } {
  const issues: FieldIssue[] = [];
  const startsAt = input.startsAt ? Date.parse(input.startsAt) : now;
  let endsAt = input.endsAt ? Date.parse(input.endsAt) : NaN;
  if (input.duration !== undefined) {
    const ms = parseDuration(input.duration);
    if (ms === null || ms === 0) issues.push({ path: 'duration', message: 'use a duration such as 2h or 1d12h' });
    else endsAt = startsAt + ms;
  }
  if (issues.length === 0 && endsAt <= startsAt) issues.push({ path: 'endsAt', message: 'must be after startsAt' });
  else if (issues.length === 0 && endsAt <= now) issues.push({ path: 'endsAt', message: 'must be in the future' });
  if (issues.length > 0) throw new ValidationError(issues);
  return { startsAt, endsAt };
}

/**
 * Creates a silence: alerts matching all its matchers are muted at flush time between startsAt
 * and endsAt. As in Alertmanager, one matcher at least must not match the empty string, so a
 * silence cannot mute everything. Audited; a job at endsAt looks at the muted alerts again.
 */
export async function createSilence({ ctx, input }: { ctx: Ctx; input: CreateSilenceInput }): Promise<Silence> {
  assertCan(ctx, 'respond');
  const parsed = CreateSilenceInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues));
  const i = parsed.data;
  const now = ctx.clock.now();
  const { startsAt, endsAt } = window(i, now);
  if (parseMatchers(i.matchers).every((m) => matches(m, {}))) {
    throw new ValidationError([{ path: 'matchers', message: 'at least one matcher must not match the empty string' }]);
  }
  const row: SilencesTable = {
    id: newId(now),
    org_id: ctx.orgId,
    matchers: JSON.stringify(i.matchers),
    starts_at: startsAt,
    ends_at: endsAt,
    comment: i.comment,
    created_by: ctx.actor.display,
    created_by_type: ctx.actor.type,
    created_by_id: ctx.actor.id,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(ctx, async (tx) => {
    await alertsDb(tx.db).insertInto('silences').values(row).execute();
    await recordAudit(tx, { action: 'silence.create', subject: { type: 'silence', id: row.id }, data: { after: toSilence(row, now) } });
    const payload: SilenceEndPayload = { orgId: tx.orgId, silenceId: row.id };
    await enqueueJob(tx.db, now, { kind: SILENCE_END_JOB, orgId: tx.orgId, dueAt: endsAt, idempotencyKey: `silence-end:${row.id}:${endsAt}`, payload });
  });
  return toSilence(row, now);
}
