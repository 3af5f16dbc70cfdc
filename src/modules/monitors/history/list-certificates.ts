import { assertCan, type Ctx } from '../../../platform/context.ts';
import { decodeCursor, keysetPage, keysetQuery } from '../../../platform/db/index.ts';
import { getMonitorInOrg } from '../get-monitor.ts';
import { iso } from './range.ts';
import type { Certificate } from './schemas.ts';
import { historyDb } from './store.ts';

/** The certificates a TLS check has seen on this monitor, newest first; `current` marks the one seen last. */
export async function listCertificates({ ctx, id, input }: { ctx: Ctx; id: string; input: { cursor?: string; limit: number } }): Promise<{ data: Certificate[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  await getMonitorInOrg(ctx, id);
  const after = input.cursor ? decodeCursor<[number, string]>(input.cursor, ['number', 'string']) : null;
  const q = historyDb(ctx.db);
  const [rows, latest] = await Promise.all([
    q
      .selectFrom('tls_certificates')
      .selectAll()
      .where('org_id', '=', ctx.orgId)
      .where('monitor_id', '=', id)
      .$call((qb) => keysetQuery(qb, { columns: ['first_seen_at', 'id'], order: 'desc', after, limit: input.limit }))
      .execute(),
    q.selectFrom('tls_certificates').select('id').where('org_id', '=', ctx.orgId).where('monitor_id', '=', id).orderBy('last_seen_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst(),
  ]);
  const { page, nextCursor } = keysetPage(rows, input.limit, (r) => [Number(r.first_seen_at), r.id]);
  return {
    data: page.map((r) => ({
      id: r.id,
      fingerprint: r.fingerprint,
      subject: r.subject,
      issuer: r.issuer,
      serial: r.serial,
      keyType: r.key_type,
      notBefore: r.not_before === null ? null : iso(Number(r.not_before)),
      notAfter: iso(Number(r.not_after)),
      firstSeenAt: iso(Number(r.first_seen_at)),
      lastSeenAt: iso(Number(r.last_seen_at)),
      current: r.id === latest?.id,
    })),
    nextCursor,
  };
}
