import type { IncidentDetail, TimelineEvent } from '../incidents/index.ts';
import type { TimelineEntry } from './schemas.ts';

/** A timeline this long is a log, not a review; the review keeps the first entries and says so. */
const MAX_TIMELINE = 300;
const TEXT_KEYS = ['body', 'comment', 'note', 'summary', 'reason', 'title', 'reference', 'error'] as const;

function minutes(seconds: number | null): string | null {
  if (seconds === null) return null;
  return seconds < 90 ? `${seconds} s` : seconds < 5400 ? `${Math.round(seconds / 60)} min` : `${(seconds / 3600).toFixed(1)} h`;
}

function textOf(event: TimelineEvent): string {
  const d = event.detail ?? {};
  if (event.kind === 'severity.changed' && d.from && d.to) return `${String(d.from)} → ${String(d.to)}${d.reason ? `: ${String(d.reason)}` : ''}`;
  const parts = TEXT_KEYS.flatMap((k) => (typeof d[k] === 'string' && d[k] ? [String(d[k])] : []));
  return parts.join(' — ').slice(0, 5000);
}

export function timelineEntries(events: TimelineEvent[]): TimelineEntry[] {
  const entries = events.slice(0, MAX_TIMELINE).map((e) => ({ at: e.at, kind: e.kind, actor: e.actor.display, text: textOf(e) }));
  if (events.length > MAX_TIMELINE) {
    const last = events[events.length - 1];
    entries.push({ at: last.at, kind: 'note', actor: '', text: `${events.length - MAX_TIMELINE} more events are on the incident timeline` });
  }
  return entries;
}

function impactOf(incident: IncidentDetail): string {
  const lines = [`${incident.severity} incident, triggered ${incident.triggeredAt}.`];
  const mtta = minutes(incident.mttaSeconds);
  const mttr = minutes(incident.mttrSeconds);
  if (mtta) lines.push(`Acknowledged after ${mtta}${incident.acknowledgedBy ? ` by ${incident.acknowledgedBy}` : ''}.`);
  if (mttr) lines.push(`Resolved after ${mttr}${incident.resolvedBy ? ` by ${incident.resolvedBy}` : ''}.`);
  for (const [name, clock] of Object.entries(incident.sla)) if (clock.breachedAt) lines.push(`The ${name} target was breached at ${clock.breachedAt}.`);
  if (incident.possibleBreach) lines.push('Flagged as a possible personal-data breach.');
  if (incident.alerts.length > 0) lines.push('', 'Alerts:', ...incident.alerts.map((a) => `- ${a.summary} (${a.severity})`));
  if (incident.statusPageIncidents.length > 0) lines.push('', 'Public status notices:', ...incident.statusPageIncidents.map((n) => `- ${n.title} (${n.impact})`));
  return lines.join('\n');
}

/** The review's starting text, from what the incident recorded. */
export function reviewTemplate(incident: IncidentDetail, events: TimelineEvent[]): { summary: string; impact: string; timeline: TimelineEntry[] } {
  return {
    summary: [incident.title, incident.description].filter(Boolean).join('\n\n'),
    impact: impactOf(incident),
    timeline: timelineEntries(events),
  };
}
