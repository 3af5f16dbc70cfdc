import { setMonitorPaused } from '../../../modules/monitors/index.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';
import { orgOption } from './shared.ts';

function pauseCommand(verb: 'pause' | 'resume'): Command {
  return {
    topic: 'monitor',
    verb,
    summary: verb === 'pause' ? 'Pause checks of a monitor (recorded as a state change)' : 'Resume checks of a paused monitor',
    usage: '<monitor-id>',
    options: orgOption,
    async run({ config, options, positionals, output, io }) {
      if (!positionals[0]) {
        io.stderr(`usage: custos monitor ${verb} <monitor-id> --org <slug>`);
        return 2;
      }
      const monitor = await withRuntime(config(), async (runtime) =>
        setMonitorPaused({ ctx: await orgContext(runtime, String(options.org)), id: positionals[0], paused: verb === 'pause' }),
      );
      printResult(io, output, { id: monitor.id, name: monitor.name, state: monitor.state });
    },
  };
}

export const monitorPauseCommand = pauseCommand('pause');
export const monitorResumeCommand = pauseCommand('resume');
