import { getMonitor } from '../../../modules/monitors/index.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';
import { orgOption } from './shared.ts';

export const monitorGetCommand: Command = {
  topic: 'monitor',
  verb: 'get',
  summary: 'Show one monitor',
  usage: '<monitor-id>',
  options: orgOption,
  async run({ config, options, positionals, output, io }) {
    if (!positionals[0]) {
      io.stderr('usage: custos monitor get <monitor-id> --org <slug>');
      return 2;
    }
    const monitor = await withRuntime(config(), async (runtime) => getMonitor({ ctx: await orgContext(runtime, String(options.org)), id: positionals[0] }));
    printResult(io, output, monitor);
  },
};
