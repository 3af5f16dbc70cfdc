import { findOrgBySlug, servicesOf } from '../modules/auth/index.ts';
import { cliActor, serviceCtx, type Ctx } from '../platform/context.ts';
import { NotFoundError } from '../platform/errors.ts';
import type { Runtime } from '../platform/runtime.ts';

/** The CLI acts as the operator of the machine: full rights in the named organization, audited as `cli`. */
export async function orgContext(runtime: Runtime, slug: string): Promise<Ctx> {
  const services = servicesOf(runtime);
  const org = await findOrgBySlug(services.db, slug);
  if (!org) throw new NotFoundError(`Organization ${slug}`, 'ORG_NOT_FOUND');
  return serviceCtx(services, org.id, cliActor(), 'owner');
}
