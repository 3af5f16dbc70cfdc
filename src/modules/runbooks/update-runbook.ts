import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { appendVersion } from './append-version.ts';
import type { Runbook, UpdateRunbookInput } from './schemas.ts';
import { getRunbookInOrg, sameContent, toRunbook, versionConflict } from './store.ts';

/** Saves the edit as a new version; an edit that changes nothing makes none. */
export async function updateRunbook({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateRunbookInput }): Promise<Runbook> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    const current = await getRunbookInOrg(tx, id);
    if (input.baseVersion !== undefined && input.baseVersion !== Number(current.version)) throw versionConflict();
    const content = { title: input.title ?? current.title, match: input.match ?? JSON.parse(current.match), body: input.body ?? current.body };
    if (sameContent(current, content)) return toRunbook(current);
    return toRunbook(await appendVersion(tx, current, content, { action: 'runbook.update', note: input.note ?? null }));
  });
}
