import type { Executor } from '../../platform/db/index.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/context.ts';
import type {
  StatusPageComponentsTable,
  StatusPageIncidentsTable,
  StatusPageIncidentUpdatesTable,
  StatusPageMaintenancesTable,
  StatusPagesTable,
  StatusPageTables,
} from './schema.ts';
import type { Component, IncidentUpdate, Maintenance, PageIncident, StatusPage } from './schemas.ts';

export const pagesDb = (db: Executor) => db.withTables<StatusPageTables>();

export const iso = (ms: number | string) => new Date(Number(ms)).toISOString();
const isoOrNull = (ms: number | string | null) => (ms === null ? null : iso(ms));

export function toStatusPage(row: StatusPagesTable): StatusPage {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    logoUrl: row.logo_url,
    brandColor: row.brand_color,
    accentColor: row.accent_color,
    customDomain: row.custom_domain,
    passwordProtected: row.password_hash !== null,
    published: Boolean(row.published),
    showUptime: Boolean(row.show_uptime),
    path: `/status/${row.slug}`,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toComponent(row: StatusPageComponentsTable): Component {
  return {
    id: row.id,
    pageId: row.page_id,
    name: row.name,
    description: row.description,
    position: Number(row.position),
    group: row.group_name,
    monitorIds: JSON.parse(row.monitor_ids),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toIncidentUpdate(row: StatusPageIncidentUpdatesTable): IncidentUpdate {
  return { id: row.id, status: row.status, message: row.message, at: iso(row.at) };
}

/** `updates` newest first. */
export function toPageIncident(row: StatusPageIncidentsTable, updates: StatusPageIncidentUpdatesTable[]): PageIncident {
  return {
    id: row.id,
    pageId: row.page_id,
    incidentId: row.incident_id,
    title: row.title,
    impact: row.impact,
    status: row.status,
    componentIds: JSON.parse(row.component_ids),
    startedAt: iso(row.started_at),
    resolvedAt: isoOrNull(row.resolved_at),
    updates: updates.map(toIncidentUpdate),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toMaintenance(row: StatusPageMaintenancesTable): Maintenance {
  return {
    id: row.id,
    pageId: row.page_id,
    title: row.title,
    description: row.description,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    componentIds: JSON.parse(row.component_ids),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export async function getPageInOrg(ctx: Ctx, id: string): Promise<StatusPagesTable> {
  const row = await pagesDb(ctx.db).selectFrom('status_pages').selectAll().where('org_id', '=', ctx.orgId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('Status page', 'STATUS_PAGE_NOT_FOUND');
  return row;
}

export async function getComponentInPage(ctx: Ctx, pageId: string, id: string): Promise<StatusPageComponentsTable> {
  const row = await pagesDb(ctx.db)
    .selectFrom('status_page_components')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('page_id', '=', pageId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Component', 'STATUS_PAGE_COMPONENT_NOT_FOUND');
  return row;
}

export async function getIncidentInPage(ctx: Ctx, pageId: string, id: string): Promise<StatusPageIncidentsTable> {
  const row = await pagesDb(ctx.db)
    .selectFrom('status_page_incidents')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('page_id', '=', pageId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Status page incident', 'STATUS_PAGE_INCIDENT_NOT_FOUND');
  return row;
}

export async function getMaintenanceInPage(ctx: Ctx, pageId: string, id: string): Promise<StatusPageMaintenancesTable> {
  const row = await pagesDb(ctx.db)
    .selectFrom('status_page_maintenances')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('page_id', '=', pageId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Maintenance notice', 'STATUS_PAGE_MAINTENANCE_NOT_FOUND');
  return row;
}

/** Newest first. */
export async function incidentUpdates(db: Executor, incidentIds: string[]): Promise<Map<string, StatusPageIncidentUpdatesTable[]>> {
  const byIncident = new Map<string, StatusPageIncidentUpdatesTable[]>(incidentIds.map((id) => [id, []]));
  if (incidentIds.length === 0) return byIncident;
  const rows = await pagesDb(db).selectFrom('status_page_incident_updates').selectAll().where('page_incident_id', 'in', incidentIds).orderBy('at', 'desc').orderBy('seq', 'desc').execute();
  for (const row of rows) byIncident.get(row.page_incident_id)?.push(row);
  return byIncident;
}

/** Rejects component ids that are not on the page, naming each bad entry (`componentIds.2`). */
export async function assertComponentsOnPage(ctx: Ctx, pageId: string, ids: string[], field = 'componentIds'): Promise<void> {
  if (ids.length === 0) return;
  const found = await pagesDb(ctx.db).selectFrom('status_page_components').select('id').where('org_id', '=', ctx.orgId).where('page_id', '=', pageId).where('id', 'in', ids).execute();
  const known = new Set(found.map((r) => r.id));
  const issues = ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `${field}.${i}`, message: 'no such component on this page' }]));
  if (issues.length) throw new ValidationError(issues);
}

/** Slug and domain are unique across organizations; the constraint settles races the pre-check misses. */
export async function assertUniqueAddress(db: Executor, values: { slug?: string; customDomain?: string | null }, exceptId: string | null): Promise<void> {
  const q = pagesDb(db).selectFrom('status_pages').select('id');
  if (values.slug !== undefined) {
    const hit = await q.where('slug', '=', values.slug).$if(exceptId !== null, (qb) => qb.where('id', '!=', exceptId!)).executeTakeFirst();
    if (hit) throw new ConflictError(`The slug ${values.slug} is taken`, 'STATUS_PAGE_SLUG_TAKEN', { field: 'slug' });
  }
  if (values.customDomain) {
    const hit = await q.where('custom_domain', '=', values.customDomain).$if(exceptId !== null, (qb) => qb.where('id', '!=', exceptId!)).executeTakeFirst();
    if (hit) throw new ConflictError(`The domain ${values.customDomain} is taken`, 'STATUS_PAGE_DOMAIN_TAKEN', { field: 'customDomain' });
  }
}

export function uniqueViolation(err: unknown): 'slug' | 'custom_domain' | null {
  const e = err as { code?: string; message?: string; constraint?: string } | null;
  const text = `${e?.constraint ?? ''} ${e?.message ?? ''}`;
  if (e?.code !== '23505' && !/UNIQUE constraint failed/.test(text)) return null;
  if (/custom_domain/.test(text)) return 'custom_domain';
  return /slug/.test(text) ? 'slug' : null;
}

export function rethrowUnique(err: unknown, values: { slug?: string; customDomain?: string | null }): never {
  const which = uniqueViolation(err);
  if (which === 'slug') throw new ConflictError(`The slug ${values.slug} is taken`, 'STATUS_PAGE_SLUG_TAKEN', { field: 'slug' });
  if (which === 'custom_domain') throw new ConflictError(`The domain ${values.customDomain} is taken`, 'STATUS_PAGE_DOMAIN_TAKEN', { field: 'customDomain' });
  throw err;
}
