import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseRunbookDocument, putRunbook } from '../../../modules/runbooks/index.ts';
import { AppError, ValidationError } from '../../../platform/errors.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';
import { orgOption } from './shared.ts';

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new AppError('BAD_REQUEST', `cannot read ${path}: ${(err as Error).message}`);
  }
}

export const runbookPutCommand: Command = {
  topic: 'runbook',
  verb: 'put',
  summary: 'Create or update a runbook from a markdown file with YAML front matter (runbooks as code)',
  usage: '<file.md>   front matter: slug (default the file name), title (default the first # heading), match: { service: payments }, note',
  options: { ...orgOption },
  async run({ config, options, positionals, output, io }) {
    const path = positionals[0];
    if (!path) throw new ValidationError([{ path: 'file', message: 'give the markdown file to put' }]);
    const input = parseRunbookDocument(read(path), { slug: basename(path, extname(path)).toLowerCase() });
    const result = await withRuntime(config(), async (runtime) => putRunbook({ ctx: await orgContext(runtime, String(options.org)), input }));
    if (output === 'json') return printResult(io, output, result);
    io.stdout(`${result.outcome} ${result.runbook.slug} (version ${result.runbook.version})`);
  },
};
