import type { Executor } from '../../platform/db/index.ts';
import { PINGS_KEPT } from './record-pings.ts';
import { prunePings } from './store.ts';

/** Deletes a heartbeat's pings beyond the newest PINGS_KEPT; returns how many went. */
export async function pruneHeartbeatPings({ db, monitorId }: { db: Executor; monitorId: string }): Promise<number> {
  return prunePings(db, monitorId, PINGS_KEPT);
}
