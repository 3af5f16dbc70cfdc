import { DAY } from '../../../../platform/clock.ts';
import { ISO, SOC2, type ComplianceRule, type FindingDraft } from '../rule.ts';

/** Labels that mark a scheduled job on an integration or a monitor: `cron`, `schedule`. */
export const SCHEDULE_LABELS = ['cron', 'schedule'];
const CRON = /^(\S+\s+){4,5}\S+$|^@(yearly|annually|monthly|weekly|daily|hourly)$/;

const isScheduled = (labels: Record<string, string>) => SCHEDULE_LABELS.some((k) => k in labels) || Object.values(labels).some((v) => CRON.test(v.trim()));
const norm = (s: string) => s.trim().toLowerCase();

/**
 * A scheduled job (an integration or monitor labelled `cron`/`schedule` or with a cron-like label
 * value) is covered by a running heartbeat monitor named like it or labelled `job=<name>`; a
 * heartbeat that is paused, or never pinged a day after creation, covers nothing.
 */
export const scheduledJobWithoutHeartbeat: ComplianceRule = {
  id: 'scheduled-job-without-heartbeat',
  title: 'A scheduled job has no working heartbeat',
  severity: 'medium',
  controls: [SOC2('CC7.2'), SOC2('A1.2'), ISO('A.8.16')],
  remedy: 'Create a heartbeat monitor for the job (name it after the job or label it job=<name>) and make the job ping it on every run; resume paused heartbeats.',
  evaluate({ monitors, heartbeats, integrations, now }) {
    const byId = new Map(monitors.map((m) => [m.id, m]));
    const findings: FindingDraft[] = [];
    const working = new Set<string>();
    for (const h of heartbeats) {
      const m = byId.get(h.monitorId);
      if (!m) continue;
      const object = { type: 'monitor', id: m.id, name: m.name };
      if (m.paused) findings.push({ message: `Heartbeat "${m.name}" is paused.`, objects: [object] });
      else if (!h.lastPingAt && now - Date.parse(m.createdAt) > DAY) findings.push({ message: `Heartbeat "${m.name}" has never been pinged.`, objects: [object] });
      else for (const name of [m.name, m.labels.job].filter(Boolean)) working.add(norm(name!));
    }
    const jobs = [
      ...integrations.filter((i) => isScheduled(i.labels)).map((i) => ({ type: 'integration', id: i.id, name: i.name, job: i.labels.job ?? i.name })),
      ...monitors.filter((m) => m.type !== 'heartbeat' && isScheduled(m.labels)).map((m) => ({ type: 'monitor', id: m.id, name: m.name, job: m.labels.job ?? m.name })),
    ];
    for (const { job, ...object } of jobs) {
      if (!working.has(norm(job))) findings.push({ message: `Scheduled job "${job}" (${object.type} "${object.name}") has no working heartbeat.`, objects: [object] });
    }
    return { findings };
  },
};
