import { acknowledgeIncident, closeIncident, resolveIncident } from '../../../modules/incidents/index.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';
import { noteOption, orgOption, row } from './shared.ts';

type Verb = (args: { ctx: Ctx; id: string; note?: string }) => ReturnType<typeof acknowledgeIncident>;

function transition(verb: string, summary: string, act: Verb): Command {
  return {
    topic: 'incident',
    verb,
    summary,
    usage: '<incident-id>',
    options: { ...orgOption, ...noteOption },
    async run({ config, options, positionals, output, io }) {
      if (!positionals[0]) {
        io.stderr(`usage: custos incident ${verb} <incident-id> --org <slug> [--comment <text>]`);
        return 2;
      }
      const note = options.comment ? String(options.comment) : undefined;
      const incident = await withRuntime(config(), async (runtime) => act({ ctx: await orgContext(runtime, String(options.org)), id: positionals[0], note }));
      printResult(io, output, output === 'json' ? incident : row(incident));
    },
  };
}

export const incidentAckCommand = transition('ack', 'Acknowledge an incident (stops its paging)', acknowledgeIncident);
export const incidentResolveCommand = transition('resolve', 'Resolve an incident', resolveIncident);
export const incidentCloseCommand = transition('close', 'Close a resolved incident (needs its review when one is required)', closeIncident);
