import { listSchedules, whoIsOnCall } from '../../../modules/oncall/index.ts';
import { NotFoundError, ValidationError } from '../../../platform/errors.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';
import { orgOption } from './shared.ts';

export const oncallWhoCommand: Command = {
  topic: 'oncall',
  verb: 'who',
  summary: 'Show who is on call in a schedule now or at a given time',
  options: {
    ...orgOption,
    schedule: { type: 'string', required: true, description: 'Schedule id or name' },
    at: { type: 'string', description: 'An ISO 8601 time such as 2026-03-29T09:00:00Z (default now)' },
  },
  async run({ config, options, output, io }) {
    const at = options.at === undefined ? undefined : Date.parse(String(options.at));
    if (at !== undefined && Number.isNaN(at)) throw new ValidationError([{ path: 'at', message: 'an ISO 8601 time such as 2026-03-29T09:00:00Z' }]);
    const wanted = String(options.schedule);
    const result = await withRuntime(config(), async (runtime) => {
      const ctx = await orgContext(runtime, String(options.org));
      const schedule = (await listSchedules({ ctx })).find((s) => s.id === wanted || s.name === wanted);
      if (!schedule) throw new NotFoundError(`Schedule ${wanted}`, 'SCHEDULE_NOT_FOUND');
      return { schedule: schedule.name, ...(await whoIsOnCall({ ctx, scheduleId: schedule.id, at })) };
    });
    if (output === 'json') return printResult(io, output, result);
    const who = result.user ? `${result.user.name || result.user.email} <${result.user.email}>` : '(nobody)';
    printResult(io, output, { schedule: result.schedule, at: result.at, onCall: who, since: result.since, until: result.until });
  },
};
