import { createHash } from 'node:crypto';
import { TraceMap } from '@jridgewell/trace-mapping';
import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError, fieldIssues, ValidationError, type FieldIssue } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { ensureRelease } from './create-release.ts';
import { getProjectInOrg } from './project-deps.ts';
import type { ErrorArtifactsTable } from './schema.ts';
import { UploadSourcemapsInput, type Artifact } from './schemas.ts';
import { errorsDb, iso } from './store.ts';

const DEBUG_ID_COMMENT = /\/\/# debugId=([0-9a-fA-F-]{32,36})\s*$/;

export const toArtifact = (r: ErrorArtifactsTable): Artifact => ({
  id: r.id,
  release: r.release || null,
  dist: r.dist || null,
  name: r.name,
  debugId: r.debug_id,
  kind: r.kind,
  size: Number(r.size),
  sha256: r.sha256,
  createdAt: iso(r.created_at)!,
});

function classify(name: string, text: string): { kind: 'sourcemap' | 'source'; debugId: string | null } | string {
  if (text.includes('\0')) return 'contains NUL bytes; upload text files';
  const looksLikeMap = name.endsWith('.map') || /^\s*\{/.test(text.slice(0, 100));
  if (!looksLikeMap) return { kind: 'source', debugId: DEBUG_ID_COMMENT.exec(text.slice(-200))?.[1] ?? null };
  let parsed: { version?: unknown; debugId?: unknown; debug_id?: unknown };
  try {
    parsed = JSON.parse(text);
    if (new TraceMap(text).version !== 3) return 'not a version 3 source map';
  } catch (err) {
    return `not a valid source map: ${(err as Error).message.slice(0, 200)}`;
  }
  if (parsed.version !== 3) return 'not a version 3 source map';
  const debugId = typeof parsed.debugId === 'string' ? parsed.debugId : typeof parsed.debug_id === 'string' ? parsed.debug_id : null;
  return { kind: 'sourcemap', debugId };
}

/**
 * Stores source maps (and minified sources) for a release and dist, or by debug id. Every file is
 * checked first; one invalid file rejects the upload and names each bad file.
 */
export async function uploadSourcemaps({ ctx, projectId, input }: { ctx: Ctx; projectId: string; input: UploadSourcemapsInput }): Promise<{ release: string | null; dist: string | null; files: Artifact[] }> {
  assertCan(ctx, 'write');
  const parsedInput = UploadSourcemapsInput.safeParse(input);
  if (!parsedInput.success) throw new ValidationError(fieldIssues(parsedInput.error.issues));
  const { release, dist, files } = parsedInput.data;
  const now = ctx.clock.now();
  const problems: FieldIssue[] = [];
  const rows: ErrorArtifactsTable[] = [];
  files.forEach((file, i) => {
    const text = Buffer.from(file.content, 'base64').toString('utf8');
    const kind = classify(file.name, text);
    if (typeof kind === 'string') return void problems.push({ path: `files.${i}.content`, message: `${file.name}: ${kind}` });
    const debugId = (file.debugId ?? kind.debugId)?.toLowerCase() ?? null;
    if (!release && !debugId) return void problems.push({ path: `files.${i}.debugId`, message: `${file.name}: give a release, or a debug id for the file` });
    rows.push({
      id: newId(now),
      org_id: ctx.orgId,
      project_id: projectId,
      release: release ?? '',
      dist: dist ?? '',
      name: file.name,
      debug_id: debugId && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(debugId) ? debugId : null,
      kind: kind.kind,
      content: text,
      sha256: createHash('sha256').update(text).digest('hex'),
      size: Buffer.byteLength(text),
      created_at: now,
    });
  });
  if (problems.length > 0) throw new AppError('SOURCEMAP_INVALID', `Invalid files: ${problems.map((p) => p.message).join('; ')}`, { details: { issues: problems } });
  return inTransaction(ctx, async (tx) => {
    const project = await getProjectInOrg(tx, projectId);
    if (release) await ensureRelease(tx.db, tx.orgId, project.id, release, now);
    const q = errorsDb(tx.db);
    for (const row of rows) {
      await q
        .insertInto('error_artifacts')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['project_id', 'release', 'dist', 'name']).doUpdateSet({ debug_id: row.debug_id, kind: row.kind, content: row.content, sha256: row.sha256, size: row.size, created_at: now }),
        )
        .execute();
    }
    const stored = await q.selectFrom('error_artifacts').selectAll().where('project_id', '=', project.id).where('release', '=', release ?? '').where('dist', '=', dist ?? '').where('name', 'in', rows.map((r) => r.name)).execute();
    const artifacts = stored.map(toArtifact);
    await recordAudit(tx, {
      action: 'sourcemap.upload',
      subject: { type: 'project', id: project.id },
      data: { release: release ?? null, dist: dist ?? null, files: artifacts.map((a) => ({ name: a.name, kind: a.kind, size: a.size, sha256: a.sha256, debugId: a.debugId })) },
    });
    return { release: release ?? null, dist: dist ?? null, files: artifacts };
  });
}
