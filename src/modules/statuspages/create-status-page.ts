import { recordAudit } from '../audit/index.ts';
import { hashPassword } from '../auth/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { newId, randomToken } from '../../platform/ids.ts';
import type { StatusPagesTable } from './schema.ts';
import type { CreateStatusPageInput, StatusPage } from './schemas.ts';
import { assertUniqueAddress, pagesDb, rethrowUnique, toStatusPage } from './store.ts';

export async function createStatusPage({ ctx, input }: { ctx: Ctx; input: CreateStatusPageInput }): Promise<StatusPage> {
  assertCan(ctx, 'write');
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const now = ctx.clock.now();
  const row: StatusPagesTable = {
    id: newId(now),
    org_id: ctx.orgId,
    slug: input.slug,
    title: input.title,
    description: input.description || null,
    logo_url: input.logoUrl ?? null,
    brand_color: input.brandColor,
    accent_color: input.accentColor,
    custom_domain: input.customDomain ?? null,
    password_hash: passwordHash,
    cookie_secret: randomToken(32),
    published: input.published ? 1 : 0,
    show_uptime: input.showUptime ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(ctx, async (tx) => {
    await assertUniqueAddress(tx.db, { slug: row.slug, customDomain: row.custom_domain }, null);
    await pagesDb(tx.db)
      .insertInto('status_pages')
      .values(row)
      .execute()
      .catch((err: unknown) => rethrowUnique(err, { slug: row.slug, customDomain: row.custom_domain }));
    await recordAudit(tx, { action: 'status_page.create', subject: { type: 'status_page', id: row.id }, data: { after: toStatusPage(row) } });
  });
  return toStatusPage(row);
}
