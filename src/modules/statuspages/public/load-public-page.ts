import type { Services } from '../../../platform/context.ts';
import type { MonitorFacts } from '../facts.ts';
import type { StatusPagesTable } from '../schema.ts';
import { incidentUpdates, pagesDb } from '../store.ts';
import { buildView, pastWindowStart, UPTIME_DAYS, type PageView } from './view.ts';

export interface PublicPage {
  /** What serving needs without touching the database: access rules and the rendered view. */
  page: Pick<StatusPagesTable, 'id' | 'org_id' | 'slug' | 'custom_domain' | 'password_hash' | 'cookie_secret'>;
  view: PageView;
  /** The state of each monitor the page shows, so a state event that changes nothing is ignored. */
  monitorStates: Map<string, string>;
}

/** Reads a published page with everything it shows; null when there is none (or it is unpublished). */
export async function loadPublicPage({ services, facts, slug }: { services: Services; facts: MonitorFacts; slug: string }): Promise<PublicPage | null> {
  const q = pagesDb(services.db);
  const page = await q.selectFrom('status_pages').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!page || !page.published) return null;
  const now = services.clock.now();
  const [components, incidents, maintenance] = await Promise.all([
    q.selectFrom('status_page_components').selectAll().where('page_id', '=', page.id).where('org_id', '=', page.org_id).orderBy('position').orderBy('id').execute(),
    q
      .selectFrom('status_page_incidents')
      .selectAll()
      .where('page_id', '=', page.id)
      .where('org_id', '=', page.org_id)
      .where((eb) => eb.or([eb('resolved_at', 'is', null), eb('started_at', '>=', pastWindowStart(now))]))
      .orderBy('started_at', 'desc')
      .limit(200)
      .execute(),
    q.selectFrom('status_page_maintenances').selectAll().where('page_id', '=', page.id).where('org_id', '=', page.org_id).where('ends_at', '>', now).orderBy('starts_at').limit(50).execute(),
  ]);
  const monitorIds = [...new Set(components.flatMap((c) => JSON.parse(c.monitor_ids) as string[]))];
  const [updates, states, uptime, monitorMaintenance] = await Promise.all([
    incidentUpdates(services.db, incidents.map((i) => i.id)),
    facts.states(page.org_id, monitorIds),
    page.show_uptime ? facts.dailyUptime(page.org_id, monitorIds, UPTIME_DAYS, now) : Promise.resolve(new Map()),
    facts.upcomingMaintenance ? facts.upcomingMaintenance(page.org_id, monitorIds, now) : Promise.resolve([]),
  ]);
  const view = buildView({ page, components, incidents, updates, maintenance, monitorMaintenance, states, uptime, now });
  const { id, org_id, custom_domain, password_hash, cookie_secret } = page;
  const monitorStates = new Map(monitorIds.map((id) => [id, states.get(id)?.state ?? 'unknown']));
  return { page: { id, org_id, slug: page.slug, custom_domain, password_hash, cookie_secret }, view, monitorStates };
}
