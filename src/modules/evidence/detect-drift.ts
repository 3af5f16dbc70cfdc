import { raiseAlert } from '../alerts/index.ts';
import { getChainHead, verifyChain } from '../audit/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { eventAt } from './chain-reader.ts';
import { checkpointVerifier, type Checkpoint } from './checkpoint.ts';
import { loadIntegrity, saveIntegrity, toVerification, type ChainProblem, type Verification } from './integrity-state.ts';
import { evidenceDb, loadPublicKeys, toCheckpoint } from './store.ts';

export const DRIFT_ALERT = 'AuditChainDrift';
/** Chains up to this long are replayed whole every hour (about a second of hashing); longer ones from the last intact checkpoint. */
export const HOURLY_FULL_REPLAY_MAX_EVENTS = 50_000;

/** The hourly run's mode: whole chain daily, and every hour while the chain is short. */
export async function driftModeFor(ctx: Ctx, daily: boolean): Promise<'recent' | 'full'> {
  return daily || (await getChainHead(ctx.db, ctx.orgId)).seq <= HOURLY_FULL_REPLAY_MAX_EVENTS ? 'full' : 'recent';
}

/** Checkpoints from `fromSeq` on, one per distinct head (an idle chain is signed many times over). */
async function checkpointsFrom(ctx: Ctx, fromSeq: number): Promise<Checkpoint[]> {
  const rows = await evidenceDb(ctx.db).selectFrom('audit_checkpoints').selectAll().where('org_id', '=', ctx.orgId).where('seq', '>=', fromSeq).orderBy('slot').execute();
  const seen = new Set<string>();
  return rows.map(toCheckpoint).filter((c) => !seen.has(`${c.seq}:${c.hash}:${c.keyId}`) && !!seen.add(`${c.seq}:${c.hash}:${c.keyId}`));
}

async function checkpointMismatch(ctx: Ctx, checkpoints: Checkpoint[]): Promise<ChainProblem | null> {
  const checkpointProblem = checkpointVerifier(await loadPublicKeys(ctx.db));
  for (const c of checkpoints) {
    const bad = checkpointProblem(c);
    if (bad) return { seq: c.seq, reason: 'checkpoint_signature', detail: `the checkpoint of ${c.at} is not valid: ${bad}` };
    const event = await eventAt(ctx, c.seq);
    if (!event) return { seq: c.seq, reason: 'checkpoint_missing_event', detail: `the checkpoint of ${c.at} names event ${c.seq}, which is not stored` };
    if (event.hash !== c.hash) return { seq: c.seq, reason: 'checkpoint_mismatch', detail: `event ${c.seq}'s stored hash differs from the one signed at ${c.at}` };
  }
  return null;
}

async function alertDrift(ctx: Ctx, problem: ChainProblem): Promise<void> {
  await raiseAlert({
    ctx: { ...ctx, role: 'owner' },
    input: {
      dedupKey: `audit-chain-drift:${ctx.orgId}`,
      source: 'self',
      severity: 'critical',
      labels: { alertname: DRIFT_ALERT, severity: 'P0', priority: 'P0', component: 'audit' },
      annotations: { summary: `The audit chain no longer matches its hashes or signed checkpoints at event ${problem.seq} (${problem.reason})`, description: problem.detail },
    },
  });
}

/**
 * Replays the chain against its stored hashes and its signed checkpoints: `recent` from the last
 * checkpoint found intact, `full` from the first event. A mismatch raises a P0 alert.
 */
export async function detectDrift({ ctx, mode }: { ctx: Ctx; mode: 'recent' | 'full' }): Promise<Verification> {
  const state = await loadIntegrity(ctx.db, ctx.orgId);
  const fromSeq = mode === 'full' ? 1 : Math.max(1, Number(state?.verified_seq ?? 1));
  const head = await getChainHead(ctx.db, ctx.orgId);
  const replay = await verifyChain(ctx.db, ctx.orgId, { fromSeq });
  const checkpoints = await checkpointsFrom(ctx, mode === 'full' ? 0 : fromSeq);
  const problem: ChainProblem | null = replay.firstBad ?? (await checkpointMismatch(ctx, checkpoints));
  const now = ctx.clock.now();
  const intact = checkpoints.filter((c) => c.seq <= head.seq).map((c) => c.seq);
  const row = {
    org_id: ctx.orgId,
    checked_at: now,
    mode,
    from_seq: fromSeq,
    to_seq: head.seq,
    ok: problem ? 0 : 1,
    problem: problem ? JSON.stringify(problem) : null,
    verified_seq: problem ? Number(state?.verified_seq ?? 0) : Math.max(Number(state?.verified_seq ?? 0), ...intact),
    last_full_at: mode === 'full' ? now : (state?.last_full_at ?? null),
  };
  await saveIntegrity(ctx.db, row);
  if (problem) await alertDrift(ctx, problem);
  return toVerification(row);
}
