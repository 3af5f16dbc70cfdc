import { z } from 'zod';
import { assertCan, type Ctx } from '../../platform/context.ts';
import { keysetPage, keysetQuery, type Executor } from '../../platform/db/index.ts';
import type { AuditEventsTable, AuditTables } from './schema.ts';

export const ListAuditEventsInput = z.object({
  actor: z.string().max(200).optional().describe('actor id, or actor type (user, apiToken, system, cli, webhook, probe)'),
  action: z.string().max(100).optional().describe('exact action, or a prefix ending in "." (monitor.)'),
  subject: z.string().max(300).optional().describe('subject type, or type:id'),
  from: z.coerce.number().int().optional().describe('epoch ms, inclusive'),
  to: z.coerce.number().int().optional().describe('epoch ms, exclusive'),
  cursor: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListAuditEventsInput = z.infer<typeof ListAuditEventsInput>;

export const AuditEvent = z.object({
  id: z.string(),
  seq: z.number(),
  at: z.string(),
  actor: z.object({ type: z.string(), id: z.string(), display: z.string() }),
  action: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }),
  data: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

const ACTOR_TYPES = new Set(['user', 'apiToken', 'system', 'cli', 'webhook', 'probe', 'link']);

export function toAuditEvent(row: AuditEventsTable): AuditEvent {
  return {
    id: row.id,
    seq: Number(row.seq),
    at: new Date(Number(row.at)).toISOString(),
    actor: { type: row.actor_type, id: row.actor_id, display: row.actor_display },
    action: row.action,
    subject: { type: row.subject_type, id: row.subject_id },
    data: JSON.parse(row.data),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Newest first, paginated by sequence number. */
export async function listAuditEvents({ ctx, input }: { ctx: Ctx; input: ListAuditEventsInput }) {
  assertCan(ctx, 'audit');
  const rows = await (ctx.db as Executor)
    .withTables<AuditTables>()
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .$if(!!input.actor, (qb) => (ACTOR_TYPES.has(input.actor!) ? qb.where('actor_type', '=', input.actor!) : qb.where('actor_id', '=', input.actor!)))
    .$if(!!input.action, (qb) => (input.action!.endsWith('.') ? qb.where('action', 'like', `${input.action}%`) : qb.where('action', '=', input.action!)))
    .$if(!!input.subject, (qb) => {
      const [type, ...rest] = input.subject!.split(':');
      const withType = qb.where('subject_type', '=', type);
      return rest.length ? withType.where('subject_id', '=', rest.join(':')) : withType;
    })
    .$if(input.from !== undefined, (qb) => qb.where('at', '>=', input.from!))
    .$if(input.to !== undefined, (qb) => qb.where('at', '<', input.to!))
    .$call((qb) => keysetQuery(qb, { columns: ['seq'], order: 'desc', after: input.cursor === undefined ? null : [Number(input.cursor)], limit: input.limit }))
    .execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (r) => [r.seq], ([seq]) => String(seq));
  return { data: page.map(toAuditEvent), nextCursor };
}
