import { randomBytes } from 'node:crypto';
import type { SecretBox } from '../../platform/crypto/index.ts';
import type { GroupingConfigs } from './grouping/index.ts';
import { assertCan, type Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ErrorProjectsTable } from './schema.ts';
import { errorsDb, findProjectRow } from './store.ts';

/** What project verbs need besides the context: where DSNs point, and the key for forwarding DSNs. */
export interface ProjectDeps {
  /** CUSTOS_PUBLIC_URL, or the base URL of the request. */
  baseUrl: string;
  secrets: () => SecretBox;
  /** The grouping configs a project may choose (defaults to those this build knows). */
  grouping?: GroupingConfigs;
}

export async function getProjectInOrg(ctx: Ctx, id: string): Promise<ErrorProjectsTable> {
  assertCan(ctx, 'read');
  const row = await findProjectRow(ctx.db, ctx.orgId, id);
  if (!row) throw new NotFoundError('Project', 'PROJECT_NOT_FOUND');
  return row;
}

/** 32 hex characters, the shape Sentry SDKs expect of a DSN's public key. */
export const newPublicKey = () => randomBytes(16).toString('hex');

export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return slug || 'project';
}

/** A project named by id, slug or DSN number (the CLI's `--project`). */
export async function findProjectByRef(ctx: Ctx, ref: string): Promise<ErrorProjectsTable> {
  assertCan(ctx, 'read');
  const row = await errorsDb(ctx.db)
    .selectFrom('error_projects')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where((eb) => eb.or([eb('id', '=', ref), eb('slug', '=', ref), ...(/^\d{1,15}$/.test(ref) ? [eb('number', '=', Number(ref))] : [])]))
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Project', 'PROJECT_NOT_FOUND');
  return row;
}
