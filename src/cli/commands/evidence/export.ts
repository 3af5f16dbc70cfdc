import { writeFile } from 'node:fs/promises';
import { DayRange, exportEvidencePack } from '../../../modules/evidence/index.ts';
import { fieldIssues, ValidationError } from '../../../platform/errors.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';

export const evidenceExportCommand: Command = {
  topic: 'evidence',
  verb: 'export',
  summary: 'Write a signed evidence pack (tar) for whole UTC days: report, data, audit-chain segment, checkpoints, methodology',
  options: {
    org: { type: 'string', description: 'Organization slug', required: true },
    from: { type: 'string', description: 'First day, YYYY-MM-DD', required: true },
    to: { type: 'string', description: 'Last day (included), YYYY-MM-DD', required: true },
    out: { type: 'string', description: 'The file to write', required: true },
  },
  async run({ config, options, output, io }) {
    const range = DayRange.safeParse({ from: options.from, to: options.to });
    if (!range.success) throw new ValidationError(fieldIssues(range.error.issues));
    const pack = await withRuntime(config(), async (runtime) => exportEvidencePack({ ctx: await orgContext(runtime, String(options.org)), input: range.data }));
    await writeFile(String(options.out), pack.chunks);
    printResult(io, output, { file: String(options.out), bytes: pack.bytes, files: pack.manifest.files.length + 3, period: pack.manifest.period, keyId: pack.manifest.keyId, chain: pack.manifest.chain });
  },
};
