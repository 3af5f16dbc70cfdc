import type { CustosModule } from '../../platform/module.ts';
import type { Runtime } from '../../platform/runtime.ts';
import type { MonitorPresenters, ProbeRegistry } from '../monitors/index.ts';
import { MONITORS_CHANGED } from '../monitors/index.ts';
import { HeartbeatSync, SYNC_OVERLAP_MS } from './heartbeat-sync.ts';
import { registerHeartbeatJobs, scheduleSweep } from './jobs.ts';
import { GroupCommit } from '../../platform/group-commit.ts';
import { pingRoutes } from './ping-routes.ts';
import { recordPings, type PingRequest, type PingResult } from './record-pings.ts';
import { heartbeatRoutes } from './routes.ts';
import { pingUrlPresenter } from './present-ping-urls.ts';
import { heartbeatMigrations } from './schema.ts';

export { HEARTBEAT_ERRORS } from './errors.ts';
export { getHeartbeat } from './get-heartbeat.ts';
export { listHeartbeats } from './list-heartbeats.ts';
export { getPingKey } from './get-ping-key.ts';
export { rotatePingKey } from './rotate-ping-key.ts';
export { ensureHeartbeats } from './ensure-heartbeats.ts';
export { recordPings, PRUNE_JOB, PINGS_KEPT, type PingRequest, type PingResult } from './record-pings.ts';
export { sweepHeartbeats, RESUME_CHECK_MS, type SweepSummary } from './sweep-heartbeats.ts';
export { scheduleSweep, SWEEP_JOB, SWEEP_INTERVAL_MS } from './jobs.ts';
export * from './schemas.ts';

export interface HeartbeatsModuleOptions {
  /** The monitors module's registry, for monitors created by `?create=1`. */
  probes: ProbeRegistry;
  /** The monitors module's presenters: heartbeat monitors carry their `pingUrl`. */
  presenters?: MonitorPresenters;
  /** Group commit: flush after this many pings or this long after the first (defaults 200, and 0: once the requests read in the same turn are queued). */
  maxBatch?: number;
  maxWaitMs?: number;
}

export function pingBatcherFor(runtime: Runtime, options: Pick<HeartbeatsModuleOptions, 'maxBatch' | 'maxWaitMs'> = {}): GroupCommit<PingRequest, PingResult> {
  return new GroupCommit<PingRequest, PingResult>({
    name: 'ping',
    write: (items) => recordPings({ db: runtime.db, dialect: runtime.dialect, bus: runtime.bus, now: runtime.clock.now() }, items),
    logger: runtime.logger.child({ component: 'pings' }),
    maxBatch: options.maxBatch,
    // Flushing once the requests read in this turn are queued (the default) beat a 2 ms window
    // (11,000 against 9,000 pings/s): the window left the loop idle while clients turned around.
    maxWaitMs: options.maxWaitMs,
    // SQLite has one writer; PostgreSQL commits several batches at once.
    concurrency: runtime.dialect === 'sqlite' ? 1 : 4,
  });
}

/** Heartbeat monitors: Healthchecks-compatible ping URLs, Uptime Kuma push URLs, deadlines. */
export function createHeartbeatsModule(options: HeartbeatsModuleOptions): CustosModule {
  const syncs = new WeakMap<Runtime, HeartbeatSync>();
  const syncFor = (runtime: Runtime): HeartbeatSync => {
    let sync = syncs.get(runtime);
    if (!sync) {
      const created = new HeartbeatSync({ db: runtime.db, clock: runtime.clock, logger: runtime.logger });
      runtime.bus.subscribe(MONITORS_CHANGED, () => void created.run(SYNC_OVERLAP_MS.changed).catch((err) => runtime.logger.warn({ err }, 'heartbeat sync failed')));
      syncs.set(runtime, (sync = created));
    }
    return sync;
  };
  return {
    name: 'heartbeats',
    migrations: heartbeatMigrations,
    registerJobs: (runner, runtime) => registerHeartbeatJobs(runner, runtime, syncFor(runtime)),
    start: (runtime) => scheduleSweep(runtime, runtime.clock.now(), runtime.clock.now()),
    stop: async (runtime) => {
      await syncs.get(runtime)?.idle();
    },
    routes: (api, runtime) => {
      options.presenters?.register('heartbeat', pingUrlPresenter());
      heartbeatRoutes(api, runtime.config.publicUrl);
    },
    rootRoutes: async (app, runtime) => {
      const batcher = pingBatcherFor(runtime, options);
      app.addHook('onClose', async () => {
        await batcher.drain();
        await syncFor(runtime).idle();
      });
      await pingRoutes(app, { runtime, probes: options.probes, batcher, sync: syncFor(runtime) });
    },
  };
}
