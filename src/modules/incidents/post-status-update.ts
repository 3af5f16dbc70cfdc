import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { z } from 'zod';
import { updateLinkedPages } from './status-page-sync.ts';
import { getIncidentInOrg } from './store.ts';

export const StatusUpdateInput = z.object({ status: z.enum(['investigating', 'identified', 'monitoring', 'resolved']), message: z.string().trim().min(1).max(5000) });
export type StatusUpdateInput = z.infer<typeof StatusUpdateInput>;

/** Posts an update to every public notice linked to the incident; answers how many were updated. */
export async function postStatusUpdate({ ctx, id, input }: { ctx: Ctx; id: string; input: StatusUpdateInput }): Promise<{ updated: number }> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    const row = await getIncidentInOrg(tx, id, true);
    const updated = await updateLinkedPages(tx, row, input.status, input.message, true);
    await recordAudit(tx, { action: 'incident.status_page_updated', subject: { type: 'incident', id }, data: { ...input, notices: updated } });
    return { updated };
  });
}
