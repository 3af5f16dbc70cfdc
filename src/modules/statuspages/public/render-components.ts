import { dayTag, esc, formatDay } from './html.ts';
import { formatUptime, uptimeClass, type ComponentStatus } from './rollup.ts';
import type { ComponentView, PageView } from './view.ts';

export const STATUS_LABEL: Record<ComponentStatus, string> = {
  up: 'Operational',
  degraded: 'Degraded performance',
  down: 'Outage',
  maintenance: 'Under maintenance',
  nodata: 'No data',
};

const mean = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
};
const total = (uptime: number | null) => (uptime === null ? 'No data' : `${formatUptime(uptime)} uptime`);

/** 90 bars; phones show the last 30 (CSS), so the legend and total come in both lengths. */
function bars(component: ComponentView, dayLabels: string[]): string {
  const cells = component.uptime.map((u, i) => `<span class=${uptimeClass(u)} title="${dayLabels[i]}: ${u === null ? 'no data' : formatUptime(u)}"></span>`);
  const long = total(component.uptimeTotal);
  const short = total(mean(component.uptime.slice(-30)));
  return (
    `<div class=bars role=img aria-label="Last ${cells.length} days: ${long.toLowerCase()}">${cells.join('')}</div>` +
    `<div class=legend aria-hidden=true><span><span class=d90>${cells.length} days ago</span><span class=d30>30 days ago</span></span>` +
    `<span><span class=d90>${long}</span><span class=d30>${short}</span></span><span>Today</span></div>`
  );
}

function componentItem(c: ComponentView, dayLabels: string[] | null): string {
  return (
    `<li class=component><div class=row><span class=name>${esc(c.name)}</span><span class="st st-${c.status}">${STATUS_LABEL[c.status]}</span></div>` +
    (c.description ? `<p class=desc>${esc(c.description)}</p>` : '') +
    (dayLabels ? bars(c, dayLabels) : '') +
    '</li>'
  );
}

/** Components in order; a group shows where its first member would. */
function grouped(components: ComponentView[]): { name: string | null; members: ComponentView[] }[] {
  const groups: { name: string | null; members: ComponentView[] }[] = [];
  const byName = new Map<string, { name: string | null; members: ComponentView[] }>();
  for (const c of components) {
    if (c.group === null) {
      const last = groups.at(-1);
      if (last && last.name === null) last.members.push(c);
      else groups.push({ name: null, members: [c] });
      continue;
    }
    let group = byName.get(c.group);
    if (!group) {
      group = { name: c.group, members: [] };
      byName.set(c.group, group);
      groups.push(group);
    }
    group.members.push(c);
  }
  return groups;
}

/** The components section in pieces (a few components each), so a renderer can yield between them. */
export function* componentParts(view: PageView): Generator<string> {
  if (view.components.length === 0) return;
  const dayLabels = view.page.showUptime ? view.days.map(formatDay) : null;
  let head = '<section aria-labelledby=components-h><h2 id=components-h>Components</h2>';
  if (dayLabels) head += `<p class=muted>Uptime per day (UTC) <span class=d90>from ${dayTag(view.days[0])}</span><span class=d30>for the last 30 days</span> to ${dayTag(view.days.at(-1)!)}.</p>`;
  yield head;
  for (const group of grouped(view.components)) {
    yield `${group.name === null ? '' : `<h3 class=group>${esc(group.name)}</h3>`}<ul class="components card">`;
    for (let i = 0; i < group.members.length; i += 20) yield group.members.slice(i, i + 20).map((c) => componentItem(c, dayLabels)).join('');
    yield '</ul>';
  }
  yield '</section>';
}

export function renderComponents(view: PageView): string {
  return [...componentParts(view)].join('');
}

/** The same, giving the event loop a turn between pieces: a 200-component page takes milliseconds. */
export async function renderComponentsYielding(view: PageView): Promise<string> {
  const parts: string[] = [];
  for (const part of componentParts(view)) {
    parts.push(part);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return parts.join('');
}
