import type { Ctx } from '../../platform/context.ts';
import type { Member } from '../auth/index.ts';
import type { SchedulesTable } from './schema.ts';
import type { Shift } from './schedule-schemas.ts';
import { layersOf, layerSpec, overrideSpec, overridesOf } from './store.ts';
import { finalTimeline, type Segment } from './timeline/final-timeline.ts';

/** The final timeline of each schedule in [from, to), computed from its layers and overrides. */
export async function timelinesOf(ctx: Ctx, schedules: SchedulesTable[], from: number, to: number, members: Map<string, Member>): Promise<Map<string, Segment[]>> {
  const ids = schedules.map((s) => s.id);
  const [layers, overrides] = await Promise.all([layersOf(ctx.db, ctx.orgId, ids), overridesOf(ctx.db, ctx.orgId, ids, from, to)]);
  const isMember = (userId: string) => members.has(userId);
  return new Map(
    schedules.map((s) => [
      s.id,
      finalTimeline({ layers: layers.filter((l) => l.schedule_id === s.id).map(layerSpec), overrides: overrides.filter((o) => o.schedule_id === s.id).map(overrideSpec), isMember }, from, to),
    ]),
  );
}

export function toShift(segment: Segment, members: Map<string, Member>): Shift {
  return {
    userId: segment.userId,
    userName: members.get(segment.userId)?.name || members.get(segment.userId)?.email || segment.userId,
    start: new Date(segment.start).toISOString(),
    end: new Date(segment.end).toISOString(),
    source: segment.source,
  };
}
