import { listIncidents, type ListIncidentsInput } from '../../../modules/incidents/index.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';
import { COLUMNS, orgOption, row } from './shared.ts';

export const incidentListCommand: Command = {
  topic: 'incident',
  verb: 'list',
  summary: 'List incidents, newest first',
  options: {
    ...orgOption,
    status: { type: 'string', multiple: true, description: 'triggered, acknowledged, resolved or closed (repeatable)' },
    severity: { type: 'string', multiple: true, description: 'P0-P3 (repeatable)' },
    open: { type: 'boolean', description: 'Only triggered and acknowledged incidents' },
    limit: { type: 'string', description: 'At most this many (default 50)' },
  },
  async run({ config, options, output, io }) {
    const input = {
      ...(options.status ? { status: options.status } : {}),
      ...(options.severity ? { severity: options.severity } : {}),
      ...(options.open ? { open: true } : {}),
      limit: options.limit ? Number(options.limit) : 50,
    } as ListIncidentsInput;
    const page = await withRuntime(config(), async (runtime) => listIncidents({ ctx: await orgContext(runtime, String(options.org)), input }));
    if (output === 'json') return printResult(io, output, page.data);
    printResult(io, output, page.data.map(row), COLUMNS);
  },
};
