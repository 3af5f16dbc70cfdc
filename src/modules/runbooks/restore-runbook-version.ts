import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { appendVersion } from './append-version.ts';
import type { Runbook } from './schemas.ts';
import { getRunbookInOrg, getVersionOf, sameContent, toRunbook } from './store.ts';

/** Makes an old version current again by saving a copy of it as the newest version. */
export async function restoreRunbookVersion({ ctx, id, version }: { ctx: Ctx; id: string; version: number }): Promise<Runbook> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    const current = await getRunbookInOrg(tx, id);
    const old = await getVersionOf(tx, current.id, version);
    const content = { title: old.title, match: JSON.parse(old.match), body: old.body };
    if (sameContent(current, content)) return toRunbook(current);
    const after = await appendVersion(tx, current, content, { action: 'runbook.restore', note: `Restored version ${version}`, data: { restoredVersion: version } });
    return toRunbook(after);
  });
}
