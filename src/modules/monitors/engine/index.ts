export { MonitorScheduler, type MonitorSchedulerOptions } from './scheduler.ts';
export { FLIP_JOB } from './flush.ts';
export { MONITOR_STATE_TOPIC, type FlushSummary } from './result-writer.ts';
export { phaseOf, slotAtOrAfter } from './phase.ts';
export { hostOf } from './scheduled-monitor.ts';
export { certificateOf } from './recorder.ts';
