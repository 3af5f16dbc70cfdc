import { createApiToken, RoleName } from '../../../modules/auth/index.ts';
import { ValidationError } from '../../../platform/errors.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { withRuntime } from '../../with-runtime.ts';

export const tokenCreateCommand: Command = {
  topic: 'token',
  verb: 'create',
  summary: 'Create an API token; the token is printed once, on the last line of stdout',
  options: {
    org: { type: 'string', description: 'Organization slug', required: true },
    role: { type: 'string', description: 'owner, admin, responder, viewer or auditor', required: true },
    name: { type: 'string', description: 'A name to recognise the token by', required: true },
    'expires-in-days': { type: 'string', description: 'Expire after this many days (default: never)' },
  },
  async run({ config, options, output, io }) {
    const role = RoleName.safeParse(options.role);
    if (!role.success) throw new ValidationError([{ path: 'role', message: 'one of owner, admin, responder, viewer, auditor' }]);
    const days = options['expires-in-days'] ? Number(options['expires-in-days']) : undefined;
    if (days !== undefined && (!Number.isInteger(days) || days < 1)) throw new ValidationError([{ path: 'expires-in-days', message: 'a whole number of days' }]);
    const token = await withRuntime(config(), async (runtime) =>
      createApiToken({ ctx: await orgContext(runtime, String(options.org)), input: { name: String(options.name), role: role.data, expiresInDays: days } }),
    );
    if (output === 'json') io.stdout(JSON.stringify({ data: token }, null, 2));
    else {
      io.stdout(`Created token ${token.name} (${token.role}, id ${token.id}). Store it now; it is not shown again:`);
      io.stdout(token.token);
    }
  },
};
