import { readFile } from 'node:fs/promises';
import { verifyEvidencePack } from '../../../modules/evidence/index.ts';
import type { Command } from '../../command.ts';
import { printResult } from '../../output.ts';

export const evidenceVerifyCommand: Command = {
  topic: 'evidence',
  verb: 'verify',
  summary: 'Check an evidence pack offline (signature, manifest, files, chain, checkpoints); exits 1 naming the first problem',
  usage: '<file>',
  async run({ positionals, output, io }) {
    const file = positionals[0];
    if (!file) {
      io.stderr('usage: custos evidence verify <file>');
      return 2;
    }
    const result = await verifyEvidencePack(await readFile(file));
    if (output === 'json') printResult(io, output, result);
    else if (result.ok) {
      io.stdout(`ok: ${result.organization!.slug} ${result.period!.from} to ${result.period!.to}, ${result.files} files, ${result.events} events, ${result.checkpoints} checkpoints, signed by key ${result.keyId}`);
      io.stdout('Compare the key id with the one Custos publishes (GET /api/v1/audit/keys) or a witness holds.');
    } else {
      const p = result.firstProblem!;
      io.stderr(`EVIDENCE_PACK_INVALID: ${p.where}: ${p.reason}: ${p.detail}`);
    }
    return result.ok ? 0 : 1;
  },
};
