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
  summary: 'Create or update runbooks from markdown files with YAML front matter (runbooks as code)',
  usage: '<file.md>…   front matter: slug (default the file name), title (default the first # heading), match: { service: payments }, note',
  options: { ...orgOption },
  async run({ config, options, positionals, output, io }) {
    if (positionals.length === 0) throw new ValidationError([{ path: 'file', message: 'give the markdown files to put' }]);
    // Every file is read and checked before anything is written, so a bad file changes nothing.
    const inputs = positionals.map((path) => parseRunbookDocument(read(path), { slug: basename(path, extname(path)).toLowerCase() }));
    const results = await withRuntime(config(), async (runtime) => {
      const ctx = await orgContext(runtime, String(options.org));
      const done = [];
      for (const input of inputs) done.push(await putRunbook({ ctx, input }));
      return done;
    });
    if (output === 'json') return printResult(io, output, results.length === 1 ? results[0] : results);
    for (const r of results) io.stdout(`${r.outcome} ${r.runbook.slug} (version ${r.runbook.version})`);
  },
};
