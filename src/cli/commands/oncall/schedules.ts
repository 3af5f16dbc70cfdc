import { listSchedules } from '../../../modules/oncall/index.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';
import { orgOption } from './shared.ts';

export const oncallSchedulesCommand: Command = {
  topic: 'oncall',
  verb: 'schedules',
  summary: 'List on-call schedules with their layers',
  options: orgOption,
  async run({ config, options, output, io }) {
    const schedules = await withRuntime(config(), async (runtime) => listSchedules({ ctx: await orgContext(runtime, String(options.org)) }));
    if (output === 'json') return printResult(io, output, schedules);
    const rows = schedules.map((s) => ({ id: s.id, name: s.name, timeZone: s.timeZone, layers: s.layers.map((l) => `${l.name} (${l.rotation}, ${l.participants.length})`).join('; ') }));
    printResult(io, output, rows, ['id', 'name', 'timeZone', 'layers']);
  },
};
