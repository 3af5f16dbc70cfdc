import type * as FeedModule from 'feed';
import { lazyRequire } from '../../../platform/lazy-require.ts';
import { esc } from './html.ts';
import { INCIDENT_STATUS_LABEL } from './render-incidents.ts';
import { lastChange } from './render-json.ts';
import type { PageView } from './view.ts';

const MAX_ITEMS = 100;
// feed (and its XML library) loads with the first feed request.
const feedModule = lazyRequire<typeof FeedModule>('feed');

/**
 * Incidents' updates and maintenance notices, newest first; `url` is the page's absolute address.
 * Entry titles and summaries are HTML in both formats (`type="html"` in Atom), so they are escaped.
 */
export function renderFeed(view: PageView, url: string, format: 'atom' | 'rss'): string {
  const { Feed } = feedModule();
  const feed = new Feed({
    id: url,
    title: `${view.page.title} status`,
    description: view.page.description ?? `Incidents and maintenance for ${view.page.title}`,
    link: url,
    updated: new Date(lastChange(view)),
    generator: 'Custos',
    feedLinks: { atom: `${url}/feed.atom`, rss: `${url}/feed.rss` },
  });
  const items: { title: string; id: string; link: string; date: Date; description: string }[] = [];
  for (const incident of [...view.activeIncidents, ...view.pastIncidents]) {
    for (const u of incident.updates) {
      items.push({
        title: esc(`${incident.title}: ${INCIDENT_STATUS_LABEL[u.status]}`),
        id: `${url}#update-${u.id}`,
        link: `${url}#incident-${incident.id}`,
        date: new Date(u.at),
        description: esc(u.message),
      });
    }
  }
  for (const m of view.maintenance) {
    items.push({
      title: esc(`Scheduled maintenance: ${m.title}`),
      id: `${url}#maintenance-${m.id}`,
      link: `${url}#maintenance-${m.id}`,
      date: new Date(m.createdAt),
      description: esc(`${new Date(m.startsAt).toISOString()} to ${new Date(m.endsAt).toISOString()}${m.description ? `. ${m.description}` : ''}`),
    });
  }
  items.sort((a, b) => b.date.getTime() - a.date.getTime());
  for (const item of items.slice(0, MAX_ITEMS)) feed.addItem(item);
  return format === 'atom' ? feed.atom1() : feed.rss2();
}
