import { maskSecret, type SecretBox } from '../../platform/crypto/index.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { WitnessesTable } from './schema.ts';
import type { Witness } from './schemas.ts';
import { evidenceDb, iso, isoOrNull } from './store.ts';

export type WitnessStatusRow = Witness['status'];

export const EMPTY_STATUS: WitnessStatusRow = { lastPublishedAt: null, lastFailedAt: null, lastError: null, retrying: 0 };

export const readSettings = (box: SecretBox, row: WitnessesTable): Record<string, unknown> => JSON.parse(box.decrypt(row.settings));

function masked(settings: Record<string, unknown>): Record<string, unknown> {
  const headers = settings.headers as Record<string, string> | undefined;
  return headers ? { ...settings, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, maskSecret(v)])) } : settings;
}

export function toWitness(box: SecretBox, row: WitnessesTable, status: WitnessStatusRow): Witness {
  return { id: row.id, name: row.name, type: row.type, settings: masked(readSettings(box, row)), enabled: Boolean(row.enabled), status, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) };
}

export async function getWitnessInOrg(ctx: Ctx, id: string): Promise<WitnessesTable> {
  const row = await evidenceDb(ctx.db).selectFrom('evidence_witnesses').selectAll().where('org_id', '=', ctx.orgId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('EVIDENCE_WITNESS_NOT_FOUND', `Witness ${id} not found`);
  return row;
}

/** Last success, last failure and pending retries of each witness of the organization: grouped queries. */
export async function witnessStatuses(db: Executor, orgId: string): Promise<Map<string, WitnessStatusRow>> {
  const q = evidenceDb(db);
  const pubs = q.selectFrom('evidence_publications').where('org_id', '=', orgId);
  const [published, retrying, failures] = await Promise.all([
    pubs.select((eb) => ['witness_id', eb.fn.max('published_at').as('at')]).where('status', '=', 'published').groupBy('witness_id').execute(),
    pubs.select((eb) => ['witness_id', eb.fn.countAll().as('n')]).where('status', '=', 'pending').where('last_error', 'is not', null).groupBy('witness_id').execute(),
    pubs.select(['witness_id', 'updated_at', 'last_error']).where('last_error', 'is not', null).orderBy('updated_at', 'desc').limit(200).execute(),
  ]);
  const out = new Map<string, WitnessStatusRow>();
  const of = (id: string) => out.get(id) ?? out.set(id, { ...EMPTY_STATUS }).get(id)!;
  for (const r of published) of(r.witness_id).lastPublishedAt = isoOrNull(r.at as number | null);
  for (const r of retrying) of(r.witness_id).retrying = Number(r.n);
  for (const r of failures) {
    const s = of(r.witness_id);
    if (s.lastFailedAt === null) Object.assign(s, { lastFailedAt: iso(r.updated_at), lastError: r.last_error });
  }
  return out;
}
