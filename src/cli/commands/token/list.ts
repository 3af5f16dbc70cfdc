import { listApiTokens } from '../../../modules/auth/index.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';

export const tokenListCommand: Command = {
  topic: 'token',
  verb: 'list',
  summary: 'List API tokens of an organization (never their secrets)',
  options: { org: { type: 'string', description: 'Organization slug', required: true } },
  async run({ config, options, output, io }) {
    const tokens = await withRuntime(config(), async (runtime) => listApiTokens({ ctx: await orgContext(runtime, String(options.org)) }));
    printResult(io, output, tokens, ['id', 'name', 'role', 'prefix', 'lastUsedAt', 'expiresAt', 'revokedAt']);
  },
};
