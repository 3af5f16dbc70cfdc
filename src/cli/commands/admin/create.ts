import { createAdmin, servicesOf } from '../../../modules/auth/index.ts';
import { cliActor } from '../../../platform/context.ts';
import { ValidationError } from '../../../platform/errors.ts';
import type { Command } from '../../command.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';
import { Email, Password, Slug } from '../../../modules/auth/index.ts';

export const adminCreateCommand: Command = {
  topic: 'admin',
  verb: 'create',
  summary: 'Create an owner (and the organization when it does not exist); running it again changes nothing',
  options: {
    email: { type: 'string', description: 'Owner email', required: true },
    password: { type: 'string', description: 'Owner password (12+ characters)', required: true },
    org: { type: 'string', description: 'Organization slug', required: true },
    'org-name': { type: 'string', description: 'Organization display name (defaults to the slug)' },
    name: { type: 'string', description: 'Owner display name' },
  },
  async run({ config, options, output, io }) {
    const issues = [
      ...(Email.safeParse(options.email).success ? [] : [{ path: 'email', message: 'not a valid email' }]),
      ...(Password.safeParse(options.password).success ? [] : [{ path: 'password', message: 'at least 12 characters' }]),
      ...(Slug.safeParse(options.org).success ? [] : [{ path: 'org', message: 'lowercase letters, digits and dashes' }]),
    ];
    if (issues.length) throw new ValidationError(issues);
    const result = await withRuntime(config(), (runtime) =>
      createAdmin({
        services: servicesOf(runtime),
        actor: cliActor(),
        input: { email: String(options.email), password: String(options.password), orgSlug: String(options.org), orgName: options['org-name'] as string | undefined, name: options.name as string | undefined },
      }),
    );
    printResult(io, output, { userId: result.user.id, email: result.user.email, org: result.org.slug, orgId: result.org.id, createdUser: result.created.user, createdOrg: result.created.org });
  },
};
