import { createHash } from 'node:crypto';
import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import type { RunbooksTable, RunbookTables, RunbookVersionsTable } from './schema.ts';
import type { Runbook, RunbookSummary, RunbookVersion, RunbookVersionSummary } from './schemas.ts';

export const runbooksDb = (db: Executor) => db.withTables<RunbookTables>();

export const iso = (ms: number | string) => new Date(Number(ms)).toISOString();

/** What one version holds. */
export interface RunbookContent {
  title: string;
  match: Record<string, string>;
  body: string;
}

/** Keys sorted, so equal matches store equal text. */
export const canonicalMatch = (match: Record<string, string>) => JSON.stringify(Object.fromEntries(Object.entries(match).sort(([a], [b]) => (a < b ? -1 : 1))));

export const sameContent = (row: { title: string; match: string; body: string }, content: RunbookContent) =>
  row.title === content.title && row.match === canonicalMatch(content.match) && row.body === content.body;

const keysOf = (match: Record<string, string>) => Object.entries(match).map(([k, v]) => `${k}=${v}`);

export function toRunbookSummary(row: Pick<RunbooksTable, 'id' | 'slug' | 'title' | 'match' | 'version' | 'created_at' | 'updated_at'>): RunbookSummary {
  const match = JSON.parse(row.match) as Record<string, string>;
  return { id: row.id, slug: row.slug, title: row.title, match, keys: keysOf(match), version: Number(row.version), createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) };
}

export function toRunbook(row: RunbooksTable): Runbook {
  return { ...toRunbookSummary(row), body: row.body, html: renderMarkdown(row.body) };
}

export function toVersionSummary(row: Omit<RunbookVersionsTable, 'body'>): RunbookVersionSummary {
  return {
    version: Number(row.version),
    title: row.title,
    match: JSON.parse(row.match),
    note: row.note,
    author: { type: row.actor_type, id: row.actor_id, display: row.actor_display },
    createdAt: iso(row.created_at),
  };
}

export function toVersion(row: RunbookVersionsTable): RunbookVersion {
  return { ...toVersionSummary(row), runbookId: row.runbook_id, body: row.body, html: renderMarkdown(row.body) };
}

/** By id, or by slug (the CLI names runbooks by slug). */
export async function getRunbookInOrg(ctx: Ctx, ref: string): Promise<RunbooksTable> {
  const row = await runbooksDb(ctx.db)
    .selectFrom('runbooks')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where((eb) => eb.or([eb('id', '=', ref), eb('slug', '=', ref)]))
    .orderBy((eb) => eb.case().when('id', '=', ref).then(0).else(1).end())
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Runbook', 'RUNBOOK_NOT_FOUND');
  return row;
}

export async function findRunbookBySlug(ctx: Ctx, slug: string): Promise<RunbooksTable | undefined> {
  return runbooksDb(ctx.db).selectFrom('runbooks').selectAll().where('org_id', '=', ctx.orgId).where('slug', '=', slug).executeTakeFirst();
}

export async function getVersionOf(ctx: Ctx, runbookId: string, version: number): Promise<RunbookVersionsTable> {
  const row = await runbooksDb(ctx.db)
    .selectFrom('runbook_versions')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('runbook_id', '=', runbookId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`Runbook version ${version}`, 'RUNBOOK_VERSION_NOT_FOUND');
  return row;
}

export async function insertVersion(tx: Ctx, runbookId: string, version: number, content: RunbookContent, note: string | null): Promise<void> {
  const now = tx.clock.now();
  await runbooksDb(tx.db)
    .insertInto('runbook_versions')
    .values({
      id: newId(now),
      org_id: tx.orgId,
      runbook_id: runbookId,
      version,
      title: content.title,
      match: canonicalMatch(content.match),
      body: content.body,
      note,
      actor_type: tx.actor.type,
      actor_id: tx.actor.id,
      actor_display: tx.actor.display,
      created_at: now,
    })
    .execute()
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw versionConflict();
      throw err;
    });
}

export const versionConflict = () => new ConflictError('The runbook changed since this edit started', 'RUNBOOK_VERSION_CONFLICT');

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return e?.code === '23505' || /UNIQUE constraint failed/.test(e?.message ?? '');
}

/** What the audit chain keeps of a runbook: its summary and a digest of the body (versions keep the text). */
export function auditView(row: RunbooksTable) {
  return { ...toRunbookSummary(row), bodySha256: createHash('sha256').update(row.body).digest('hex'), bodyLength: row.body.length };
}

export const summaryColumns = ['id', 'slug', 'title', 'match', 'version', 'created_at', 'updated_at'] as const;

/** Every runbook of the organization, for matching. */
export async function allRunbookSummaries(ctx: Ctx): Promise<RunbookSummary[]> {
  const rows = await runbooksDb(ctx.db).selectFrom('runbooks').select(summaryColumns).where('org_id', '=', ctx.orgId).orderBy('slug').execute();
  return rows.map(toRunbookSummary);
}
