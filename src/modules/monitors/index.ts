import type { CustosModule } from '../../platform/module.ts';
import { MONITORS_CHANGED } from './create-monitor.ts';
import { ensureHistoryJobs, historyMigrations, historyRoutes, registerHistoryJobs } from './history/index.ts';
import { MonitorScheduler } from './engine/index.ts';
import { maintenanceRoutes } from './maintenance/index.ts';
import { createDefaultProbeRegistry, type ProbeRegistry } from './probes/index.ts';
import { MonitorPresenters } from './presenters.ts';
import { monitorRoutes } from './routes.ts';
import { monitorMigrations } from './schema.ts';
import { reencryptColumn } from '../../platform/crypto/index.ts';

export { createMonitor, MONITORS_CHANGED } from './create-monitor.ts';
export { updateMonitor } from './update-monitor.ts';
export { deleteMonitor } from './delete-monitor.ts';
export { getMonitor } from './get-monitor.ts';
export { listMonitors } from './list-monitors.ts';
export { listMonitorStates } from './list-monitor-states.ts';
export { setMonitorPaused } from './set-paused.ts';
export { testMonitor } from './test-monitor.ts';
export { checkMonitor } from './check-monitor.ts';
export { MonitorPresenters, type MonitorPresenter } from './presenters.ts';
export { evaluate, visibleState } from './evaluate.ts';
export { recordExternalState, readExternalMonitors, externalMonitorsChangedSince, type ExternalStateChange, type ExternalFlip, type ExternalMonitor, type RecordedExternalState } from './record-external-state.ts';
export { HeartbeatSettings, HEARTBEAT_SLUG, PUSH_TOKEN, DEFAULT_HEARTBEAT_PERIOD_S } from './probes/heartbeat.ts';
export { MONITOR_ERRORS } from './errors.ts';
export * from './schemas.ts';
export { createDefaultProbeRegistry, ProbeRegistry, PROBE_ERROR_CODES, type ProbeResult } from './probes/index.ts';
export type { MonitorState, HealthState } from './schema.ts';
export { getUptime, getDailyUptime, type DayUptime, getLatencySeries, listCheckResults, listFlips, listCoverageGaps, listCertificates, summarizeUptime, getRetention, updateRetention } from './history/index.ts';
export { computeRollups, applyRetention, ensureHistoryJobs, ROLLUP_JOB, RETENTION_JOB, RETENTION_DEFAULTS, type RollupSummary, type RetentionSummary } from './history/index.ts';
export * from './history/schemas.ts';
export { MonitorScheduler, FLIP_JOB, FLIP_JOB as MONITOR_FLIP_JOB, MONITOR_STATE_TOPIC, type MonitorSchedulerOptions, type FlushSummary } from './engine/index.ts';
export { createMaintenanceWindow, listMaintenanceWindows, getMaintenanceWindow, updateMaintenanceWindow, deleteMaintenanceWindow, activeMaintenance } from './maintenance/index.ts';
export * from './maintenance/schemas.ts';

export interface MonitorsModuleOptions {
  probes?: ProbeRegistry;
}

export function createMonitorsModule(options: MonitorsModuleOptions = {}): CustosModule & { probes: ProbeRegistry; presenters: MonitorPresenters; scheduler(): MonitorScheduler | null } {
  const probes = options.probes ?? createDefaultProbeRegistry();
  const presenters = new MonitorPresenters();
  let scheduler: MonitorScheduler | null = null;
  return {
    name: 'monitors',
    probes,
    presenters,
    scheduler: () => scheduler,
    migrations: { ...monitorMigrations, ...historyMigrations },
    registerJobs: (runner, runtime) => registerHistoryJobs(runner, runtime),
    rotateSecrets: (runtime, box) => reencryptColumn(runtime.db, 'monitors', 'secrets', box),
    start: async (runtime) => {
      await ensureHistoryJobs(runtime.db, runtime.clock.now());
      if (runtime.config.role === 'api') return;
      scheduler = new MonitorScheduler({ ...runtime, logger: runtime.logger.child({ component: 'scheduler' }), probes, secrets: () => runtime.secrets() });
      await scheduler.start();
    },
    stop: async (runtime) => {
      await scheduler?.stop(runtime.config.shutdownTimeoutMs);
      scheduler = null;
    },
    routes: (api, runtime) => {
      monitorRoutes(api, probes, presenters, () => runtime.bus.publish(MONITORS_CHANGED, null));
      historyRoutes(api);
      maintenanceRoutes(api, () => runtime.bus.publish(MONITORS_CHANGED, null));
    },
  };
}
