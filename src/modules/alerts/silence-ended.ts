import type { Ctx } from '../../platform/context.ts';
import { alertsMutedBy, requestFlushForAlerts } from './flush-schedule.ts';

export const SILENCE_END_JOB = 'alert.silence.end';

export interface SilenceEndPayload {
  orgId: string;
  silenceId: string;
}

/** When a silence ends, the groups of the alerts it muted flush at their next tick. */
export async function onSilenceEnded({ ctx, silenceId }: { ctx: Ctx; silenceId: string }): Promise<void> {
  await requestFlushForAlerts(ctx, await alertsMutedBy(ctx, 'silenced_by', silenceId));
}
