import { recordAudit } from '../audit/index.ts';
import type { Ctx } from '../../platform/context.ts';
import type { RunbooksTable } from './schema.ts';
import { auditView, canonicalMatch, insertVersion, runbooksDb, versionConflict, type RunbookContent } from './store.ts';

/**
 * Appends version `current.version + 1` and makes it current. The update is conditional on the
 * version read, and the version number is unique, so of two concurrent edits one wins and the
 * other gets RUNBOOK_VERSION_CONFLICT.
 */
export async function appendVersion(
  tx: Ctx,
  current: RunbooksTable,
  content: RunbookContent,
  audit: { action: string; note: string | null; data?: Record<string, unknown> },
): Promise<RunbooksTable> {
  const version = Number(current.version) + 1;
  await insertVersion(tx, current.id, version, content, audit.note);
  const changes = { title: content.title, match: canonicalMatch(content.match), body: content.body, version, updated_at: tx.clock.now() };
  const result = await runbooksDb(tx.db)
    .updateTable('runbooks')
    .set(changes)
    .where('id', '=', current.id)
    .where('org_id', '=', tx.orgId)
    .where('version', '=', current.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw versionConflict();
  const after = { ...current, ...changes };
  await recordAudit(tx, {
    action: audit.action,
    subject: { type: 'runbook', id: current.id },
    data: { before: auditView(current), after: auditView(after), note: audit.note, ...audit.data },
  });
  return after;
}
