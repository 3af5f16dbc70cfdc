import { assertCan, type Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { GENESIS_HASH, hashAuditEvent } from './hash.ts';
import type { AuditEventsTable, AuditTables } from './schema.ts';

export type ChainBreak = 'hash_mismatch' | 'gap' | 'reorder' | 'foreign_insert' | 'head_mismatch';

export interface ChainVerification {
  ok: boolean;
  orgId: string;
  checked: number;
  headSeq: number;
  lastHash: string;
  firstBad: { seq: number; reason: ChainBreak; detail: string } | null;
}

const PAGE = 2000;
const tables = (db: Executor) => db.withTables<AuditTables>();

function recompute(row: AuditEventsTable): string | null {
  let data: unknown;
  try {
    data = JSON.parse(row.data);
  } catch {
    return null;
  }
  return hashAuditEvent({
    orgId: row.org_id,
    seq: Number(row.seq),
    at: Number(row.at),
    actor: { type: row.actor_type, id: row.actor_id, display: row.actor_display },
    action: row.action,
    subject: { type: row.subject_type, id: row.subject_id },
    data,
    prevHash: row.prev_hash,
  });
}

/** Replays one organization's chain from `fromSeq` (default: the start) and names the first break. */
export async function verifyChain(db: Executor, orgId: string, options: { fromSeq?: number } = {}): Promise<ChainVerification> {
  const q = tables(db);
  const head = await q.selectFrom('audit_heads').select(['seq', 'hash']).where('org_id', '=', orgId).executeTakeFirst();
  let expectedSeq = options.fromSeq && options.fromSeq > 1 ? options.fromSeq : 1;
  let prevHash = GENESIS_HASH;
  if (expectedSeq > 1) {
    const before = await q.selectFrom('audit_events').select('hash').where('org_id', '=', orgId).where('seq', '=', expectedSeq - 1).executeTakeFirst();
    prevHash = before?.hash ?? GENESIS_HASH;
  }
  let checked = 0;
  const fail = (seq: number, reason: ChainBreak, detail: string): ChainVerification => ({
    ok: false,
    orgId,
    checked,
    headSeq: Number(head?.seq ?? 0),
    lastHash: prevHash,
    firstBad: { seq, reason, detail },
  });

  for (;;) {
    const rows = await q.selectFrom('audit_events').selectAll().where('org_id', '=', orgId).where('seq', '>=', expectedSeq).orderBy('seq').limit(PAGE).execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return fail(expectedSeq, 'gap', `event ${expectedSeq} is missing; the next stored event is ${seq}`);
      if (row.prev_hash !== prevHash) {
        const elsewhere = await q.selectFrom('audit_events').select('seq').where('org_id', '=', orgId).where('hash', '=', row.prev_hash).executeTakeFirst();
        return elsewhere
          ? fail(seq, 'reorder', `event ${seq} links to event ${elsewhere.seq}, not to event ${seq - 1}`)
          : fail(seq, 'foreign_insert', `event ${seq} links to a hash that is not in the chain`);
      }
      const actual = recompute(row);
      if (actual !== row.hash) return fail(seq, 'hash_mismatch', `event ${seq}'s content does not match its hash`);
      prevHash = row.hash;
      expectedSeq = seq + 1;
      checked++;
    }
    if (rows.length < PAGE) break;
  }
  const headSeq = Number(head?.seq ?? 0);
  const lastSeq = expectedSeq - 1;
  if (headSeq !== lastSeq || (headSeq > 0 && head?.hash !== prevHash)) {
    // The first bad event is the first one cut off the end, or the first one appended behind the head.
    const seq = headSeq === lastSeq ? headSeq : Math.min(headSeq, lastSeq) + 1;
    return fail(seq, 'head_mismatch', `the chain head says event ${headSeq}, the stored chain ends at ${lastSeq}`);
  }
  return { ok: true, orgId, checked, headSeq, lastHash: prevHash, firstBad: null };
}

export async function verifyAuditChain({ ctx }: { ctx: Ctx }): Promise<ChainVerification> {
  assertCan(ctx, 'audit');
  return verifyChain(ctx.db, ctx.orgId);
}
