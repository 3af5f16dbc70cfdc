import { assertCan, type Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { SilencesTable } from './schema.ts';
import type { Silence } from './schemas.ts';
import { alertsDb, toSilence } from './store.ts';

export async function getSilenceInOrg(ctx: Ctx, id: string, lock = false): Promise<SilencesTable> {
  const row = await alertsDb(ctx.db)
    .selectFrom('silences')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', id)
    .$if(lock && ctx.dialect === 'postgres' && ctx.db.isTransaction, (qb) => qb.forUpdate())
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Silence', 'SILENCE_NOT_FOUND');
  return row;
}

export async function getSilence({ ctx, id }: { ctx: Ctx; id: string }): Promise<Silence> {
  assertCan(ctx, 'read');
  return toSilence(await getSilenceInOrg(ctx, id), ctx.clock.now());
}
