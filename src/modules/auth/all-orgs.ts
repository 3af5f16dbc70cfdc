import type { Executor } from '../../platform/db/index.ts';
import { authDb } from './store.ts';

/** Every organization's id and slug, for operator tasks that span the installation (CLI verification). */
export async function allOrganizations(db: Executor): Promise<{ id: string; slug: string }[]> {
  return authDb(db).selectFrom('orgs').select(['id', 'slug']).orderBy('slug').execute();
}
