import { servicesOf } from '../../../modules/auth/index.ts';
import { rotateSigningKey } from '../../../modules/evidence/index.ts';
import { cliActor } from '../../../platform/context.ts';
import type { Command } from '../../command.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';

export const evidenceRotateKeyCommand: Command = {
  topic: 'evidence',
  verb: 'rotate-key',
  summary: 'Make a new Ed25519 signing key for checkpoints and packs (old public keys stay published)',
  options: { yes: { type: 'boolean', description: 'Confirm; without it nothing changes' } },
  async run({ config, options, output, io }) {
    if (!options.yes) {
      io.stderr('This replaces the signing key in the data directory; add --yes to do it.');
      return 2;
    }
    return withRuntime(config(), async (runtime) => {
      printResult(io, output, await rotateSigningKey({ services: servicesOf(runtime), actor: cliActor() }));
      return 0;
    });
  },
};
