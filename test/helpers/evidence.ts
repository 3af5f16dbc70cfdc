import { checkpointPayload, type Checkpoint } from '../../src/modules/evidence/index.ts';
import type { Runtime } from '../../src/platform/runtime.ts';

/** Runs due jobs until none is left. */
export async function drainJobs(runtime: Runtime, rounds = 50): Promise<void> {
  for (let i = 0; i < rounds; i++) if ((await runtime.runner.runOnce()).claimed === 0) return;
  throw new Error('jobs kept coming');
}

/** The organization's checkpoints, oldest first, as the API would show them. */
export async function storedCheckpoints(runtime: Runtime, orgId: string): Promise<Checkpoint[]> {
  const rows = await runtime.db
    .withTables<{ audit_checkpoints: { org_id: string; slot: number; seq: number; hash: string; at: number; key_id: string; signature: string } }>()
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('slot')
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, seq: Number(r.seq), hash: r.hash, at: new Date(Number(r.at)).toISOString(), keyId: r.key_id, signature: r.signature }));
}

export { checkpointPayload };
