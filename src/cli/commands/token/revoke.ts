import { revokeApiToken } from '../../../modules/auth/index.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';

export const tokenRevokeCommand: Command = {
  topic: 'token',
  verb: 'revoke',
  summary: 'Revoke an API token',
  usage: '<token-id>',
  options: {
    org: { type: 'string', description: 'Organization slug', required: true },
    yes: { type: 'boolean', description: 'Confirm; without it nothing is revoked' },
    'dry-run': { type: 'boolean', description: 'Show what would be revoked' },
  },
  async run({ config, options, positionals, output, io }) {
    const id = positionals[0];
    if (!id) {
      io.stderr('usage: custos token revoke <token-id> --org <slug> --yes');
      return 2;
    }
    if (!options.yes || options['dry-run']) {
      io.stderr(`Would revoke token ${id} in ${String(options.org)}; add --yes to do it.`);
      return options['dry-run'] ? 0 : 2;
    }
    const token = await withRuntime(config(), async (runtime) => revokeApiToken({ ctx: await orgContext(runtime, String(options.org)), id }));
    printResult(io, output, { id: token.id, name: token.name, revokedAt: token.revokedAt });
  },
};
