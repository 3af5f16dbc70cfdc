import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { RunbooksTable } from './schema.ts';
import type { CreateRunbookInput, Runbook } from './schemas.ts';
import { auditView, canonicalMatch, findRunbookBySlug, insertVersion, isUniqueViolation, runbooksDb, toRunbook } from './store.ts';

const slugTaken = (slug: string) => new ConflictError(`The runbook slug ${slug} is taken`, 'RUNBOOK_SLUG_TAKEN', { field: 'slug' });

export async function createRunbook({ ctx, input }: { ctx: Ctx; input: CreateRunbookInput }): Promise<Runbook> {
  assertCan(ctx, 'write');
  const now = ctx.clock.now();
  const row: RunbooksTable = {
    id: newId(now),
    org_id: ctx.orgId,
    slug: input.slug,
    title: input.title,
    match: canonicalMatch(input.match),
    body: input.body,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(ctx, async (tx) => {
    if (await findRunbookBySlug(tx, input.slug)) throw slugTaken(input.slug);
    await runbooksDb(tx.db)
      .insertInto('runbooks')
      .values(row)
      .execute()
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? slugTaken(input.slug) : err;
      });
    await insertVersion(tx, row.id, 1, input, input.note ?? null);
    await recordAudit(tx, { action: 'runbook.create', subject: { type: 'runbook', id: row.id }, data: { after: auditView(row), note: input.note ?? null } });
  });
  return toRunbook(row);
}
