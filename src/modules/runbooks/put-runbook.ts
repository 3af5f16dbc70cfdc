import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { appendVersion } from './append-version.ts';
import { createRunbook } from './create-runbook.ts';
import type { CreateRunbookInput, PutRunbookResult } from './schemas.ts';
import { findRunbookBySlug, sameContent, toRunbook } from './store.ts';

/** Runbooks as code: creates the runbook with this slug, or saves a new version when its content differs. */
export async function putRunbook({ ctx, input }: { ctx: Ctx; input: CreateRunbookInput }): Promise<PutRunbookResult> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    const current = await findRunbookBySlug(tx, input.slug);
    if (!current) return { runbook: await createRunbook({ ctx: tx, input }), outcome: 'created' };
    if (sameContent(current, input)) return { runbook: toRunbook(current), outcome: 'unchanged' };
    const after = await appendVersion(tx, current, input, { action: 'runbook.update', note: input.note ?? null });
    return { runbook: toRunbook(after), outcome: 'updated' };
  });
}
