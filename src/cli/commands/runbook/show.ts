import { getRunbook, getRunbookVersion } from '../../../modules/runbooks/index.ts';
import { ValidationError } from '../../../platform/errors.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';
import { orgOption } from './shared.ts';

export const runbookShowCommand: Command = {
  topic: 'runbook',
  verb: 'show',
  summary: 'Print a runbook (its markdown) by slug or id, or one of its versions',
  usage: '<slug|id> [--version N]',
  options: {
    ...orgOption,
    version: { type: 'string', description: 'An earlier version number (default the current one)' },
  },
  async run({ config, options, positionals, output, io }) {
    const ref = positionals[0];
    if (!ref) throw new ValidationError([{ path: 'runbook', message: 'name the runbook by slug or id' }]);
    const version = options.version === undefined ? undefined : Number(options.version);
    if (version !== undefined && !(Number.isInteger(version) && version >= 1)) throw new ValidationError([{ path: 'version', message: 'a version number such as 2' }]);
    const shown = await withRuntime(config(), async (runtime) => {
      const ctx = await orgContext(runtime, String(options.org));
      if (version === undefined) return getRunbook({ ctx, id: ref });
      const runbook = await getRunbook({ ctx, id: ref });
      return { ...(await getRunbookVersion({ ctx, id: runbook.id, version })), slug: runbook.slug };
    });
    if (output === 'json') return printResult(io, output, shown);
    const keys = Object.entries(shown.match).map(([k, v]) => `${k}=${v}`);
    io.stdout(`${shown.title} (${shown.slug}, version ${shown.version}; applies to ${keys.join(', ')})\n\n${shown.body}`);
  },
};
