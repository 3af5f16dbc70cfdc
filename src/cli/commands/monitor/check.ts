import { checkMonitor, createDefaultProbeRegistry } from '../../../modules/monitors/index.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';
import { orgOption } from './shared.ts';

export const monitorCheckCommand: Command = {
  topic: 'monitor',
  verb: 'check',
  summary: "Run a monitor's check once now and print the result (nothing is stored); exits 1 when not up",
  usage: '<monitor-id>',
  options: orgOption,
  async run({ config, options, positionals, output, io }) {
    if (!positionals[0]) {
      io.stderr('usage: custos monitor check <monitor-id> --org <slug>');
      return 2;
    }
    const result = await withRuntime(config(), async (runtime) => {
      const ctx = await orgContext(runtime, String(options.org));
      return checkMonitor({ ctx, id: positionals[0]!, probes: createDefaultProbeRegistry() });
    });
    printResult(io, output, result);
    return result.outcome === 'up' ? 0 : 1;
  },
};
