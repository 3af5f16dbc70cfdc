import { randomBytes, randomInt } from 'node:crypto';
import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { CURRENT_GROUPING_CONFIG } from './grouping/index.ts';
import { newPublicKey, slugify, type ProjectDeps } from './project-deps.ts';
import type { ErrorKeysTable, ErrorProjectsTable } from './schema.ts';
import type { CreateProjectInput, Project } from './schemas.ts';
import { dsnTarget, errorsDb, toProject } from './store.ts';

/** Creates a project with a first DSN key, so its `dsn` works at once. */
export async function createProject({ ctx, input, deps }: { ctx: Ctx; input: CreateProjectInput; deps: ProjectDeps }): Promise<Project> {
  assertCan(ctx, 'write');
  const now = ctx.clock.now();
  const slug = input.slug ?? slugify(input.name);
  return inTransaction(ctx, async (tx) => {
    const q = errorsDb(tx.db);
    const taken = await q.selectFrom('error_projects').select('id').where('org_id', '=', tx.orgId).where('slug', '=', slug).executeTakeFirst();
    if (taken) throw new ConflictError(`A project with slug ${slug} exists`, 'PROJECT_SLUG_TAKEN', { slug });
    let number = randomInt(100_000, 2_000_000_000);
    while (await q.selectFrom('error_projects').select('id').where('number', '=', number).executeTakeFirst()) number = randomInt(100_000, 2_000_000_000);
    const row: ErrorProjectsTable = {
      id: newId(now),
      org_id: tx.orgId,
      number,
      slug,
      name: input.name,
      platform: input.platform ?? null,
      scrub_enabled: input.scrubbing?.enabled === false ? 0 : 1,
      scrub_fields: JSON.stringify(input.scrubbing?.extraFields ?? []),
      grouping_config: CURRENT_GROUPING_CONFIG,
      grouping_previous: null,
      grouping_previous_until: null,
      forward_dsn: input.forwardDsn ? deps.secrets().encrypt(input.forwardDsn) : null,
      forward_target: input.forwardDsn ? dsnTarget(input.forwardDsn) : null,
      user_salt: randomBytes(16).toString('base64url'),
      created_at: now,
      updated_at: now,
    };
    const key: ErrorKeysTable = {
      id: newId(now),
      org_id: tx.orgId,
      project_id: row.id,
      public_key: newPublicKey(),
      label: 'Default',
      status: 'active',
      rate_limit_per_minute: null,
      expires_at: null,
      created_at: now,
      updated_at: now,
      revoked_at: null,
    };
    await q.insertInto('error_projects').values(row).execute();
    await q.insertInto('error_keys').values(key).execute();
    const project = toProject(row, deps.baseUrl, key);
    await recordAudit(tx, { action: 'project.create', subject: { type: 'project', id: row.id }, data: { after: { ...project, dsn: undefined }, keyId: key.id } });
    return project;
  });
}
