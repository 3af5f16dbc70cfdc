import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { groupingConfigs } from './grouping/index.ts';
import { getProjectInOrg, type ProjectDeps } from './project-deps.ts';
import type { ErrorProjectsTable } from './schema.ts';
import type { Project, UpdateProjectInput } from './schemas.ts';
import { dsnTarget, errorsDb, newestActiveKey, toProject } from './store.ts';

/** Hashes of the previous grouping config keep matching existing issues this long after an upgrade. */
export const GROUPING_TRANSITION_MS = 90 * 86_400_000;

export async function updateProject({ ctx, id, input, deps }: { ctx: Ctx; id: string; input: UpdateProjectInput; deps: ProjectDeps }): Promise<Project> {
  assertCan(ctx, 'write');
  const configs = deps.grouping ?? groupingConfigs;
  if (input.groupingConfig !== undefined && !configs.has(input.groupingConfig)) {
    throw new ValidationError([{ path: 'groupingConfig', message: `unknown grouping config; one of ${configs.ids().join(', ')}` }]);
  }
  return inTransaction(ctx, async (tx) => {
    const before = await getProjectInOrg(tx, id);
    const now = tx.clock.now();
    const changes: Partial<ErrorProjectsTable> = { updated_at: now };
    if (input.name !== undefined) changes.name = input.name;
    if (input.platform !== undefined) changes.platform = input.platform;
    if (input.scrubbing?.enabled !== undefined) changes.scrub_enabled = input.scrubbing.enabled ? 1 : 0;
    if (input.scrubbing?.extraFields !== undefined) changes.scrub_fields = JSON.stringify(input.scrubbing.extraFields);
    if (input.forwardDsn !== undefined) {
      changes.forward_dsn = input.forwardDsn === null ? null : deps.secrets().encrypt(input.forwardDsn);
      changes.forward_target = input.forwardDsn === null ? null : dsnTarget(input.forwardDsn);
    }
    if (input.groupingConfig !== undefined && input.groupingConfig !== before.grouping_config) {
      changes.grouping_config = input.groupingConfig;
      changes.grouping_previous = before.grouping_config;
      changes.grouping_previous_until = now + GROUPING_TRANSITION_MS;
    }
    await errorsDb(tx.db).updateTable('error_projects').set(changes).where('org_id', '=', tx.orgId).where('id', '=', id).execute();
    const after = { ...before, ...changes };
    const key = (await newestActiveKey(tx.db, id)) ?? null;
    const project = toProject(after, deps.baseUrl, key);
    await recordAudit(tx, {
      action: 'project.update',
      subject: { type: 'project', id },
      data: { before: { ...toProject(before, deps.baseUrl, key), dsn: undefined }, after: { ...project, dsn: undefined } },
    });
    return project;
  });
}
