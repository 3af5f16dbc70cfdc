import { assertCan, type Ctx } from '../../platform/context.ts';
import type { RoutingState } from './schemas.ts';
import { currentRouting, iso, type RoutingVersion } from './store.ts';

export function toRoutingState(r: RoutingVersion): RoutingState {
  return { version: r.version, document: r.document, updatedAt: r.row ? iso(r.row.created_at) : null, updatedBy: r.row?.created_by ?? null };
}

/** The routing document in force; version 0 is the built-in default (no receivers). */
export async function getRoutes({ ctx }: { ctx: Ctx }): Promise<RoutingState> {
  assertCan(ctx, 'read');
  return toRoutingState(await currentRouting(ctx.db, ctx.orgId));
}
