import { recordAudit } from '../audit/index.ts';
import { createPageIncident, type PageIncident } from '../statuspages/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { z } from 'zod';
import { getIncidentInOrg, recordTimeline } from './store.ts';

export const LinkStatusPageInput = z.object({
  pageId: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(200).optional().describe('default: the incident title'),
  impact: z.enum(['none', 'minor', 'major', 'critical']).default('minor'),
  status: z.enum(['investigating', 'identified', 'monitoring', 'resolved']).default('investigating'),
  message: z.string().trim().min(1).max(5000).describe('the first public update'),
  componentIds: z.array(z.string().min(1).max(64)).max(100).default([]),
});
export type LinkStatusPageInput = z.input<typeof LinkStatusPageInput>;

/** Opens a public notice on one of the organization's status pages, linked to the incident. */
export async function linkStatusPage({ ctx, id, input }: { ctx: Ctx; id: string; input: LinkStatusPageInput }): Promise<PageIncident> {
  assertCan(ctx, 'write');
  const data = LinkStatusPageInput.parse(input);
  return inTransaction(ctx, async (tx) => {
    const row = await getIncidentInOrg(tx, id, true);
    const notice = await createPageIncident({
      ctx: tx,
      pageId: data.pageId,
      input: { title: data.title ?? row.title.slice(0, 200), impact: data.impact, status: data.status, message: data.message, componentIds: data.componentIds, incidentId: id },
    });
    const detail = { pageId: data.pageId, pageIncidentId: notice.id, status: data.status, impact: data.impact, message: data.message };
    await recordTimeline(tx, id, { kind: 'status_page.update', detail });
    await recordAudit(tx, { action: 'incident.status_page_linked', subject: { type: 'incident', id }, data: detail });
    return notice;
  });
}
