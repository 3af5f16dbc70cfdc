import { deleteMonitor, getMonitor } from '../../../modules/monitors/index.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { withRuntime } from '../../with-runtime.ts';
import { orgOption } from './shared.ts';

export const monitorDeleteCommand: Command = {
  topic: 'monitor',
  verb: 'delete',
  summary: 'Delete a monitor (its history is kept as evidence)',
  usage: '<monitor-id> --yes',
  options: {
    ...orgOption,
    yes: { type: 'boolean', description: 'Confirm; without it nothing is deleted' },
    'dry-run': { type: 'boolean', description: 'Show what would be deleted' },
  },
  async run({ config, options, positionals, io }) {
    const id = positionals[0];
    if (!id) {
      io.stderr('usage: custos monitor delete <monitor-id> --org <slug> --yes');
      return 2;
    }
    return withRuntime(config(), async (runtime) => {
      const ctx = await orgContext(runtime, String(options.org));
      const monitor = await getMonitor({ ctx, id });
      if (!options.yes || options['dry-run']) {
        io.stderr(`Would delete monitor ${monitor.name} (${monitor.id}); add --yes to do it.`);
        return options['dry-run'] ? 0 : 2;
      }
      await deleteMonitor({ ctx, id });
      io.stdout(`Deleted monitor ${monitor.name} (${monitor.id}).`);
      return 0;
    });
  },
};
