import { ListMonitorsInput, listMonitors } from '../../../modules/monitors/index.ts';
import { fieldIssues, ValidationError } from '../../../platform/errors.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';
import { monitorColumns, orgOption } from './shared.ts';

export const monitorListCommand: Command = {
  topic: 'monitor',
  verb: 'list',
  summary: 'List monitors with their current state',
  options: {
    ...orgOption,
    state: { type: 'string', description: 'pending, up, degraded, down, paused or maintenance' },
    type: { type: 'string', description: 'Monitor type (http, tcp, dns, …)' },
    label: { type: 'string', multiple: true, description: 'key=value; repeat to require several' },
    search: { type: 'string', description: 'Substring of the name' },
    limit: { type: 'string', description: 'At most this many (default 1000)' },
  },
  async run({ config, options, output, io }) {
    const parsed = ListMonitorsInput.safeParse({ state: options.state, type: options.type, label: options.label, search: options.search, limit: options.limit ?? 1000 });
    if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues));
    const page = await withRuntime(config(), async (runtime) => listMonitors({ ctx: await orgContext(runtime, String(options.org)), input: parsed.data }));
    printResult(io, output, page.data, monitorColumns);
  },
};
