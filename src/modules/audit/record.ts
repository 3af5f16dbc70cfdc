import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { canonicalJson, GENESIS_HASH, hashAuditEvent } from './hash.ts';
import { withoutSecrets } from './sanitize.ts';
import type { AuditTables } from './schema.ts';

export interface AuditEntry {
  /** `entity.verb`, e.g. `monitor.create`. */
  action: string;
  subject: { type: string; id: string };
  /** A snapshot (`{ before, after }` for updates); secret-named fields are removed. */
  data?: unknown;
}

export interface RecordedAuditEvent {
  id: string;
  seq: number;
  hash: string;
}

const tables = (db: Executor) => db.withTables<AuditTables>();

/**
 * Appends one event to the organization's chain inside the caller's transaction, so the
 * mutation and its audit event commit or fail together. Appends are serialized per
 * organization (row lock on PostgreSQL, the single writer on SQLite), so the chain never forks.
 */
export async function recordAudit(ctx: Ctx, entry: AuditEntry): Promise<RecordedAuditEvent> {
  if (!ctx.db.isTransaction) throw new Error(`recordAudit(${entry.action}) must run inside the mutation's transaction`);
  const q = tables(ctx.db);
  const now = ctx.clock.now();
  await q
    .insertInto('audit_heads')
    .values({ org_id: ctx.orgId, seq: 0, hash: GENESIS_HASH, updated_at: now })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
  const head = await q
    .selectFrom('audit_heads')
    .select(['seq', 'hash'])
    .where('org_id', '=', ctx.orgId)
    .$if(ctx.dialect === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirstOrThrow();

  const data = JSON.parse(canonicalJson(withoutSecrets(entry.data ?? null)));
  const seq = Number(head.seq) + 1;
  const fields = { orgId: ctx.orgId, seq, at: now, actor: { ...ctx.actor }, action: entry.action, subject: { ...entry.subject }, data, prevHash: head.hash };
  const hash = hashAuditEvent(fields);
  const id = newId(now);
  await q
    .insertInto('audit_events')
    .values({
      org_id: ctx.orgId,
      seq,
      id,
      at: now,
      actor_type: ctx.actor.type,
      actor_id: ctx.actor.id,
      actor_display: ctx.actor.display,
      action: entry.action,
      subject_type: entry.subject.type,
      subject_id: entry.subject.id,
      data: canonicalJson(data),
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await q.updateTable('audit_heads').set({ seq, hash, updated_at: now }).where('org_id', '=', ctx.orgId).execute();
  return { id, seq, hash };
}
