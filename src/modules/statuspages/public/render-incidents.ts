import { dayTag, esc, timeTag } from './html.ts';
import { dayKey, type IncidentView, type MaintenanceView, type PageView } from './view.ts';

export const INCIDENT_STATUS_LABEL = { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved' } as const;
const IMPACT_LABEL = { none: 'No impact', minor: 'Minor impact', major: 'Major impact', critical: 'Critical impact' } as const;

const affects = (components: { name: string }[]) => (components.length ? `<p class=affects>Affects: ${components.map((c) => esc(c.name)).join(', ')}</p>` : '');

function incident(i: IncidentView, heading: 'h3' | 'h4'): string {
  const updates = i.updates
    .map((u) => `<li><p class=upd><strong>${INCIDENT_STATUS_LABEL[u.status]}</strong> · ${timeTag(u.at)}</p><p class=msg>${esc(u.message)}</p></li>`)
    .join('');
  return (
    `<article class="incident imp-${i.impact}" id="incident-${esc(i.id)}"><${heading}>${esc(i.title)}</${heading}>` +
    `<p class=meta>${IMPACT_LABEL[i.impact]} · started ${timeTag(i.startedAt)}${i.resolvedAt !== null ? ` · resolved ${timeTag(i.resolvedAt)}` : ''}</p>` +
    affects(i.components) +
    `<ol class=updates>${updates}</ol></article>`
  );
}

export function renderActiveIncidents(view: PageView): string {
  if (view.activeIncidents.length === 0) return '';
  return `<section aria-labelledby=active-h><h2 id=active-h>Active incidents</h2>${view.activeIncidents.map((i) => incident(i, 'h3')).join('')}</section>`;
}

function notice(m: MaintenanceView): string {
  return (
    `<article class=maintenance id="maintenance-${esc(m.id)}"><h3>${esc(m.title)}</h3>` +
    `<p class=meta>${m.inProgress ? '<span class=badge>In progress</span> ' : '<span class="badge badge-soon">Scheduled</span> '}${timeTag(m.startsAt)} – ${timeTag(m.endsAt)}</p>` +
    (m.description ? `<p class=msg>${esc(m.description)}</p>` : '') +
    affects(m.components) +
    '</article>'
  );
}

export function renderMaintenance(view: PageView): string {
  if (view.maintenance.length === 0) return '';
  return `<section aria-labelledby=maintenance-h><h2 id=maintenance-h>Scheduled maintenance</h2>${view.maintenance.map(notice).join('')}</section>`;
}

export function renderPastIncidents(view: PageView): string {
  const byDay = new Map<string, IncidentView[]>();
  for (const i of view.pastIncidents) {
    const day = dayKey(i.startedAt);
    byDay.set(day, [...(byDay.get(day) ?? []), i]);
  }
  const days = view.pastDays.map((day) => {
    const list = byDay.get(day);
    return list ? `<li><h3>${dayTag(day)}</h3>${list.map((i) => incident(i, 'h4')).join('')}</li>` : `<li class=quiet><h3>${dayTag(day)}</h3><p class=muted>No incidents reported.</p></li>`;
  });
  return `<section aria-labelledby=past-h><h2 id=past-h>Past incidents</h2><ol class=days>${days.join('')}</ol></section>`;
}
