import { assertCan, type Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { ChannelDeps } from './deps.ts';
import type { Channel, ListChannelsInput } from './schemas.ts';
import { notificationsDb, toChannel } from './store.ts';

function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof name === 'string' && typeof id === 'string') return { name, id };
  } catch {
    // fall through
  }
  throw new ValidationError([{ path: 'cursor', message: 'not a cursor this API returned' }]);
}

/** Ordered by name. */
export async function listChannels({ ctx, input, deps }: { ctx: Ctx; input: ListChannelsInput; deps: ChannelDeps }): Promise<{ data: Channel[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await notificationsDb(ctx.db)
    .selectFrom('notification_channels')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .$if(!!input.type, (qb) => qb.where('type', '=', input.type!))
    .$if(after !== null, (qb) => qb.where((eb) => eb.or([eb('name', '>', after!.name), eb.and([eb('name', '=', after!.name), eb('id', '>', after!.id)])])))
    .orderBy('name')
    .orderBy('id')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = rows.length > input.limit ? page[page.length - 1] : null;
  const box = deps.secrets();
  return { data: page.map((r) => toChannel(r, deps.registry, box)), nextCursor: last ? Buffer.from(JSON.stringify([last.name, last.id])).toString('base64url') : null };
}
