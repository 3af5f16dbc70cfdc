import type { Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { getProjectInOrg } from './project-deps.ts';
import type { OutcomesInput, OutcomesReport } from './schemas.ts';
import { errorsDb, iso } from './store.ts';

const HOUR = 3_600_000;

/**
 * What happened to everything sent to the project: accepted, rejected (per reason: queue_full,
 * key_rate_limit, envelope_invalid, …), dropped by the SDK (client reports), failed in the digest;
 * per data category and per key, over whole hours.
 */
export async function getOutcomes({ ctx, projectId, input }: { ctx: Ctx; projectId: string; input: OutcomesInput }): Promise<OutcomesReport> {
  const project = await getProjectInOrg(ctx, projectId);
  const to = input.to ? Date.parse(input.to) : ctx.clock.now();
  const from = input.from ? Date.parse(input.from) : to - 24 * HOUR;
  if (from > to) throw new ValidationError([{ path: 'from', message: 'must not be after to' }]);
  const q = errorsDb(ctx.db);
  const rows = await q
    .selectFrom('error_outcomes')
    .select((eb) => ['key_id', 'category', 'outcome', 'reason', eb.fn.sum<number>('quantity').as('quantity')])
    .where('project_id', '=', project.id)
    .where('hour', '>=', Math.floor(from / HOUR) * HOUR)
    .where('hour', '<=', to)
    .groupBy(['key_id', 'category', 'outcome', 'reason'])
    .orderBy('key_id')
    .orderBy('category')
    .orderBy('outcome')
    .orderBy('reason')
    .execute();
  const totals = new Map<string, { category: string; outcome: string; reason: string; quantity: number }>();
  for (const r of rows) {
    const id = `${r.category}\0${r.outcome}\0${r.reason}`;
    const t = totals.get(id) ?? { category: r.category, outcome: r.outcome, reason: r.reason, quantity: 0 };
    t.quantity += Number(r.quantity);
    totals.set(id, t);
  }
  const queue = await q
    .selectFrom('error_ingest_queue')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .where('project_id', '=', project.id)
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(queue.find((r) => r.status === status)?.n ?? 0);
  return {
    from: iso(from)!,
    to: iso(to)!,
    totals: [...totals.values()],
    byKey: rows.map((r) => ({ keyId: r.key_id, category: r.category, outcome: r.outcome, reason: r.reason, quantity: Number(r.quantity) })),
    queue: { queued: count('queued'), failed: count('failed') },
  };
}
