import { listAuditEvents, type AuditEvent } from '../audit/index.ts';
import type { Ctx } from '../../platform/context.ts';

const PAGE = 500;

/** The stored event with this sequence number, or null. Read through the audit module's verb (auditor rights). */
export async function eventAt(ctx: Ctx, seq: number): Promise<AuditEvent | null> {
  const { data } = await listAuditEvents({ ctx: { ...ctx, role: 'auditor' }, input: { cursor: String(seq + 1), limit: 1 } });
  return data[0]?.seq === seq ? data[0] : null;
}

/** The events recorded in [from, to) (epoch ms), oldest first; only those of one action when given. */
export async function eventsBetween(ctx: Ctx, from: number, to: number, action?: string): Promise<AuditEvent[]> {
  const pages: AuditEvent[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listAuditEvents({ ctx: { ...ctx, role: 'auditor' }, input: { from, to, action, cursor, limit: PAGE } });
    pages.push(page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages.flat().toReversed();
}
