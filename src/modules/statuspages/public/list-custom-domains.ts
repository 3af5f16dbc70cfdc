import type { Services } from '../../../platform/context.ts';
import { pagesDb } from '../store.ts';

/** Every custom domain with the slug of its page, for routing by Host header. */
export async function listCustomDomains({ services }: { services: Services }): Promise<Map<string, string>> {
  const rows = await pagesDb(services.db).selectFrom('status_pages').select(['slug', 'custom_domain']).where('custom_domain', 'is not', null).execute();
  return new Map(rows.map((r) => [r.custom_domain!, r.slug]));
}
