import { recordAudit } from '../audit/index.ts';
import { hashPassword } from '../auth/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { randomToken } from '../../platform/ids.ts';
import type { StatusPagesTable } from './schema.ts';
import type { StatusPage, UpdateStatusPageInput } from './schemas.ts';
import { assertUniqueAddress, getPageInOrg, pagesDb, rethrowUnique, toStatusPage } from './store.ts';

/** A changed or removed password also replaces the cookie secret, so old viewer cookies stop working. */
export async function updateStatusPage({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateStatusPageInput }): Promise<StatusPage> {
  assertCan(ctx, 'write');
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return inTransaction(ctx, async (tx) => {
    const before = await getPageInOrg(tx, id);
    const changes: Partial<StatusPagesTable> = { updated_at: tx.clock.now() };
    if (input.slug !== undefined) changes.slug = input.slug;
    if (input.title !== undefined) changes.title = input.title;
    if (input.description !== undefined) changes.description = input.description || null;
    if (input.logoUrl !== undefined) changes.logo_url = input.logoUrl;
    if (input.brandColor !== undefined) changes.brand_color = input.brandColor;
    if (input.accentColor !== undefined) changes.accent_color = input.accentColor;
    if (input.customDomain !== undefined) changes.custom_domain = input.customDomain;
    if (input.published !== undefined) changes.published = input.published ? 1 : 0;
    if (input.showUptime !== undefined) changes.show_uptime = input.showUptime ? 1 : 0;
    if (input.password !== undefined) {
      changes.password_hash = passwordHash;
      changes.cookie_secret = randomToken(32);
    }
    const address = { slug: changes.slug, customDomain: changes.custom_domain };
    await assertUniqueAddress(tx.db, address, id);
    await pagesDb(tx.db)
      .updateTable('status_pages')
      .set(changes)
      .where('id', '=', id)
      .where('org_id', '=', tx.orgId)
      .execute()
      .catch((err: unknown) => rethrowUnique(err, address));
    const after = { ...before, ...changes };
    await recordAudit(tx, {
      action: 'status_page.update',
      subject: { type: 'status_page', id },
      data: { before: toStatusPage(before), after: toStatusPage(after), passwordChanged: input.password !== undefined },
    });
    return toStatusPage(after);
  });
}
