import { assertCan, type Ctx } from '../../platform/context.ts';
import { rankRunbooks } from './match.ts';
import type { MatchRunbooksInput, RunbookMatchResult } from './schemas.ts';
import { allRunbookSummaries } from './store.ts';

/** The runbooks whose every label is on the alert's or incident's labels, most specific first. */
export async function matchRunbooks({ ctx, input }: { ctx: Ctx; input: MatchRunbooksInput }): Promise<{ data: RunbookMatchResult[]; nextCursor: null }> {
  assertCan(ctx, 'read');
  return { data: rankRunbooks(await allRunbookSummaries(ctx), input.labels), nextCursor: null };
}
