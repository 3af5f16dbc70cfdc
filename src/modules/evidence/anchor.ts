import { DAY } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { Anchor } from './schemas.ts';
import { evidenceDb, isoOrNull } from './store.ts';

/** Two consecutive days without any witness accepting a checkpoint. */
export const ANCHOR_DEGRADED_AFTER_MS = 2 * DAY;

interface AnchorFacts {
  orgId: string;
  /** When the oldest enabled witness was added. */
  since: number;
  lastPublishedAt: number | null;
}

async function anchorFacts(db: Executor, orgId?: string): Promise<AnchorFacts[]> {
  const q = evidenceDb(db);
  const [witnesses, published] = await Promise.all([
    q
      .selectFrom('evidence_witnesses')
      .select((eb) => ['org_id', eb.fn.min('created_at').as('since')])
      .where('enabled', '=', 1)
      .$if(orgId !== undefined, (qb) => qb.where('org_id', '=', orgId!))
      .groupBy('org_id')
      .execute(),
    q
      .selectFrom('evidence_publications')
      .select((eb) => ['org_id', eb.fn.max('published_at').as('at')])
      .where('status', '=', 'published')
      .$if(orgId !== undefined, (qb) => qb.where('org_id', '=', orgId!))
      .groupBy('org_id')
      .execute(),
  ]);
  const last = new Map(published.map((p) => [p.org_id, p.at === null ? null : Number(p.at)]));
  return witnesses.map((w) => ({ orgId: w.org_id, since: Number(w.since), lastPublishedAt: last.get(w.org_id) ?? null }));
}

const degraded = (f: AnchorFacts, now: number) => now - Math.max(f.since, f.lastPublishedAt ?? 0) >= ANCHOR_DEGRADED_AFTER_MS;

export async function anchorStatus(db: Executor, orgId: string, now: number): Promise<Anchor> {
  const [facts] = await anchorFacts(db, orgId);
  return facts ? { degraded: degraded(facts, now), lastPublishedAt: isoOrNull(facts.lastPublishedAt) } : { degraded: false, lastPublishedAt: null };
}

/** The `anchors` health component: degraded while any organization's anchor is. */
export async function anchorHealth(db: Executor, now: number): Promise<{ status: 'ok' | 'degraded'; organizations: number; degradedOrganizations: number }> {
  const facts = await anchorFacts(db);
  const bad = facts.filter((f) => degraded(f, now)).length;
  return { status: bad > 0 ? 'degraded' : 'ok', organizations: facts.length, degradedOrganizations: bad };
}
