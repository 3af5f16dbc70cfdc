import { serviceCtx, systemActor, type Services } from '../../platform/context.ts';
import { DAY } from '../../platform/clock.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { hashFeedToken } from './create-feed-token.ts';
import { renderCalendar, type CalendarEvent } from './ical/serialize.ts';
import { orgMembers } from './members.ts';
import type { FeedTokensTable, SchedulesTable } from './schema.ts';
import { timelinesOf, toShift } from './schedule-timeline.ts';
import { oncallDb } from './store.ts';

export const FEED_PAST = 30 * DAY;
export const FEED_AHEAD = 90 * DAY;
const TOKEN = /^cal_[A-Za-z0-9_-]{43}$/;

const notFound = () => new NotFoundError('Calendar feed', 'FEED_TOKEN_NOT_FOUND');

/**
 * The iCal feed a token opens: the schedule's final timeline, or a person's shifts across every
 * schedule of the organization, from 30 days back to 90 days ahead. Unknown, revoked and
 * other-kind tokens all answer FEED_TOKEN_NOT_FOUND, so a guess learns nothing.
 */
export async function renderFeed({ services, kind, token }: { services: Services; kind: FeedTokensTable['kind']; token: string }): Promise<{ name: string; body: string }> {
  if (!TOKEN.test(token)) throw notFound();
  const row = await oncallDb(services.db).selectFrom('oncall_feed_tokens').selectAll().where('token_hash', '=', hashFeedToken(token)).executeTakeFirst();
  if (!row || row.kind !== kind || row.revoked_at !== null) throw notFound();
  const ctx = serviceCtx(services, row.org_id, systemActor('calendar feed'), 'viewer');
  const now = ctx.clock.now();
  const members = await orgMembers(ctx);
  const q = oncallDb(ctx.db).selectFrom('oncall_schedules').selectAll().where('org_id', '=', ctx.orgId);
  const schedules: SchedulesTable[] = kind === 'schedule' ? await q.where('id', '=', row.target_id).execute() : await q.orderBy('name').execute();
  if (schedules.length === 0 && kind === 'schedule') throw notFound();
  if (kind === 'user' && !members.has(row.target_id)) throw notFound();
  const timelines = await timelinesOf(ctx, schedules, now - FEED_PAST, now + FEED_AHEAD, members);
  const base = ctx.config.publicUrl?.replace(/\/$/, '');
  const events: CalendarEvent[] = [];
  for (const schedule of schedules) {
    for (const segment of timelines.get(schedule.id)!) {
      if (kind === 'user' && segment.userId !== row.target_id) continue;
      const shift = toShift(segment, members);
      events.push({
        uid: `${schedule.id}-${segment.source.id}-${segment.start}-${segment.userId}@custos`,
        start: segment.start,
        end: segment.end,
        summary: kind === 'user' ? `On call: ${schedule.name}` : `On call: ${shift.userName}`,
        description: `Schedule: ${schedule.name}\nOn call: ${shift.userName}\nFrom: ${segment.source.type === 'override' ? 'an override' : 'a rotation'}`,
        ...(base ? { url: `${base}/oncall/schedules/${schedule.id}` } : {}),
      });
    }
  }
  events.sort((a, b) => a.start - b.start);
  const name = kind === 'schedule' ? `On call: ${schedules[0].name}` : `On call: ${members.get(row.target_id)!.name || members.get(row.target_id)!.email}`;
  return { name, body: renderCalendar({ name, generatedAt: now, events }) };
}
