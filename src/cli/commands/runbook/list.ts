import { ListRunbooksInput, listRunbooks } from '../../../modules/runbooks/index.ts';
import { fieldIssues, ValidationError } from '../../../platform/errors.ts';
import type { Command } from '../../command.ts';
import { orgOption, runbookColumns } from './shared.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';

export const runbookListCommand: Command = {
  topic: 'runbook',
  verb: 'list',
  summary: 'List runbooks with the labels they apply to',
  options: {
    ...orgOption,
    search: { type: 'string', description: 'Substring of the slug or title' },
    limit: { type: 'string', description: 'At most this many (default 500)' },
  },
  async run({ config, options, output, io }) {
    const parsed = ListRunbooksInput.safeParse({ search: options.search, limit: options.limit ?? 500 });
    if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues));
    const page = await withRuntime(config(), async (runtime) => listRunbooks({ ctx: await orgContext(runtime, String(options.org)), input: parsed.data }));
    printResult(io, output, page.data, runbookColumns);
  },
};
