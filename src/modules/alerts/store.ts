import type { Ctx } from '../../platform/context.ts';
import { memoized, sql, type Executor } from '../../platform/db/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { DEFAULT_ROUTING_DOCUMENT, type RoutingDocument } from './routing-document.ts';
import { compileRouting, type CompiledRouting } from './routing-tree.ts';
import type { AlertRoutingTable, AlertsTable, AlertTables, SilencesTable } from './schema.ts';
import type { Alert, Silence } from './schemas.ts';

export const alertsDb = (db: Executor) => db.withTables<AlertTables>();

/** JSON with sorted keys, so equal label sets compare equal as text. */
export function canonical(record: Record<string, string>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

export const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function toAlert(row: AlertsTable): Alert {
  return {
    id: row.id,
    dedupKey: row.dedup_key,
    status: row.status,
    severity: row.severity,
    source: row.source,
    labels: JSON.parse(row.labels),
    annotations: JSON.parse(row.annotations),
    startsAt: iso(row.starts_at)!,
    endsAt: iso(row.ends_at),
    lastSeenAt: iso(row.last_seen_at)!,
    fireCount: Number(row.fire_count),
    episode: Number(row.episode),
    acknowledgedAt: iso(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by,
    suppressed: row.suppressed,
    silencedBy: JSON.parse(row.silenced_by),
    inhibitedBy: JSON.parse(row.inhibited_by),
    generatorUrl: row.generator_url,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

export function silenceStatus(row: Pick<SilencesTable, 'starts_at' | 'ends_at'>, now: number): Silence['status'] {
  if (now >= row.ends_at) return 'expired';
  return now < row.starts_at ? 'pending' : 'active';
}

export function toSilence(row: SilencesTable, now: number): Silence {
  return {
    id: row.id,
    matchers: JSON.parse(row.matchers),
    startsAt: iso(row.starts_at)!,
    endsAt: iso(row.ends_at)!,
    status: silenceStatus(row, now),
    comment: row.comment,
    createdBy: row.created_by,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

/** Locks the row on PostgreSQL when called inside a transaction, so concurrent changes queue. */
export async function findAlertRow(ctx: Ctx, by: { id: string } | { dedupKey: string }, lock = false): Promise<AlertsTable | undefined> {
  return alertsDb(ctx.db)
    .selectFrom('alerts')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .$if('id' in by, (qb) => qb.where('id', '=', (by as { id: string }).id))
    .$if('dedupKey' in by, (qb) => qb.where('dedup_key', '=', (by as { dedupKey: string }).dedupKey))
    .$if(lock && ctx.dialect === 'postgres' && ctx.db.isTransaction, (qb) => qb.forUpdate())
    .executeTakeFirst();
}

export async function getAlertInOrg(ctx: Ctx, id: string, lock = false): Promise<AlertsTable> {
  const row = await findAlertRow(ctx, { id }, lock);
  if (!row) throw new NotFoundError('Alert', 'ALERT_NOT_FOUND');
  return row;
}

export async function addAlertEvent(ctx: Ctx, alert: Pick<AlertsTable, 'id' | 'episode'>, type: string, data: Record<string, unknown> = {}): Promise<void> {
  const now = ctx.clock.now();
  await alertsDb(ctx.db)
    .insertInto('alert_events')
    .values({
      id: newId(now),
      org_id: ctx.orgId,
      alert_id: alert.id,
      seq: sql<number>`(select coalesce(max(seq), 0) + 1 from alert_events where alert_id = ${alert.id})`,
      at: now,
      episode: alert.episode,
      type,
      actor: ctx.actor.display,
      data: JSON.stringify(data),
    })
    .execute();
}

/** A person (or their token or CLI) rather than Custos or a sender: their changes enter the audit chain. */
export const isPerson = (ctx: Ctx) => ctx.actor.type === 'user' || ctx.actor.type === 'apiToken' || ctx.actor.type === 'cli';

export interface RoutingVersion {
  version: number;
  document: RoutingDocument;
  compiled: CompiledRouting;
  row: AlertRoutingTable | null;
}

/** Saved versions never change, so parsed and compiled documents are memoized by organization and version. */
const savedVersions = new Map<string, { document: RoutingDocument; compiled: CompiledRouting }>();
const defaultCompiled = compileRouting(DEFAULT_ROUTING_DOCUMENT, 0);

export async function currentRouting(db: Executor, orgId: string): Promise<RoutingVersion> {
  const row = await memoized(db, `alert_routing:${orgId}`, () =>
    alertsDb(db).selectFrom('alert_routing').selectAll().where('org_id', '=', orgId).orderBy('version', 'desc').limit(1).executeTakeFirst(),
  );
  if (!row) return { version: 0, document: DEFAULT_ROUTING_DOCUMENT, compiled: defaultCompiled, row: null };
  const key = `${orgId}:${row.version}`;
  let saved = savedVersions.get(key);
  if (!saved) {
    const document = JSON.parse(row.document) as RoutingDocument;
    saved = { document, compiled: compileRouting(document, Number(row.version)) };
    if (savedVersions.size >= 512) savedVersions.delete(savedVersions.keys().next().value!);
    savedVersions.set(key, saved);
  }
  return { version: Number(row.version), ...saved, row };
}

export async function activeSilences(db: Executor, orgId: string, now: number): Promise<SilencesTable[]> {
  // A batch reads the silences not ended at its first look once; each look keeps those active at its time.
  const notEnded = await memoized(db, `silences:${orgId}`, () => alertsDb(db).selectFrom('silences').selectAll().where('org_id', '=', orgId).where('ends_at', '>', now).execute());
  return notEnded.filter((s) => Number(s.starts_at) <= now && Number(s.ends_at) > now);
}
