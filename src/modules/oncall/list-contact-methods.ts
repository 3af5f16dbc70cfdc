import type { Ctx } from '../../platform/context.ts';
import type { ContactMethod } from './contact-schemas.ts';
import { contactMethodsOf, toContactMethod } from './contact-store.ts';
import { assertSelfOrAdmin } from './personal-access.ts';

export async function listContactMethods({ ctx, userId }: { ctx: Ctx; userId: string }): Promise<ContactMethod[]> {
  await assertSelfOrAdmin(ctx, userId);
  return (await contactMethodsOf(ctx, [userId])).map(toContactMethod);
}
