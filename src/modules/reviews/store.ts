import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ReviewActionItemsTable, ReviewsTable, ReviewSettingsTable, ReviewTables } from './schema.ts';
import type { ActionItem, Review, ReviewSettings, TimelineEntry } from './schemas.ts';

export const reviewsDb = (db: Executor) => db.withTables<ReviewTables>();

export const DEFAULT_DUE_BUSINESS_DAYS = 5;

const iso = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export const isOverdue = (row: Pick<ReviewsTable, 'status' | 'due_at'>, now: number) => row.status === 'draft' && row.due_at !== null && Number(row.due_at) <= now;

export function toActionItem(row: ReviewActionItemsTable): ActionItem {
  return {
    id: row.id,
    title: row.title,
    ownerId: row.owner_id,
    dueDate: row.due_date,
    status: row.status,
    trackerUrl: row.tracker_url,
    doneAt: iso(row.done_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

export function toReview(row: ReviewsTable, items: ReviewActionItemsTable[], now: number): Review {
  return {
    id: row.id,
    incidentId: row.incident_id,
    incidentTitle: row.incident_title,
    severity: row.severity,
    status: row.status,
    required: Boolean(Number(row.required)),
    overdue: isOverdue(row, now),
    incidentResolvedAt: iso(row.incident_resolved_at),
    dueAt: iso(row.due_at),
    summary: row.summary,
    impact: row.impact,
    timeline: JSON.parse(row.timeline) as TimelineEntry[],
    contributingFactors: row.contributing_factors,
    actionItems: items.map(toActionItem),
    filedAt: iso(row.filed_at),
    filedBy: row.filed_by,
    reminderCount: Number(row.reminder_count),
    lastRemindedAt: iso(row.last_reminded_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

export async function getReviewInOrg(ctx: Ctx, id: string): Promise<ReviewsTable> {
  const row = await reviewsDb(ctx.db).selectFrom('reviews').selectAll().where('org_id', '=', ctx.orgId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('Review', 'REVIEW_NOT_FOUND');
  return row;
}

export async function findReviewOfIncident(ctx: Ctx, incidentId: string): Promise<ReviewsTable | undefined> {
  return reviewsDb(ctx.db).selectFrom('reviews').selectAll().where('org_id', '=', ctx.orgId).where('incident_id', '=', incidentId).executeTakeFirst();
}

export async function getActionItemInReview(ctx: Ctx, reviewId: string, id: string): Promise<ReviewActionItemsTable> {
  const row = await reviewsDb(ctx.db)
    .selectFrom('review_action_items')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('review_id', '=', reviewId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Action item', 'REVIEW_ACTION_ITEM_NOT_FOUND');
  return row;
}

/** Each review's action items, oldest first. */
export async function actionItemsOf(ctx: Ctx, reviewIds: string[]): Promise<Map<string, ReviewActionItemsTable[]>> {
  const byReview = new Map<string, ReviewActionItemsTable[]>(reviewIds.map((id) => [id, []]));
  if (reviewIds.length === 0) return byReview;
  const rows = await reviewsDb(ctx.db).selectFrom('review_action_items').selectAll().where('org_id', '=', ctx.orgId).where('review_id', 'in', reviewIds).orderBy('created_at').orderBy('id').execute();
  for (const row of rows) byReview.get(row.review_id)?.push(row);
  return byReview;
}

/** The review as the API shows it, with its action items. */
export async function presentReview(ctx: Ctx, row: ReviewsTable): Promise<Review> {
  return toReview(row, (await actionItemsOf(ctx, [row.id])).get(row.id) ?? [], ctx.clock.now());
}

export async function readSettingsRow(ctx: Ctx): Promise<ReviewSettingsTable | undefined> {
  return reviewsDb(ctx.db).selectFrom('review_settings').selectAll().where('org_id', '=', ctx.orgId).executeTakeFirst();
}

export function toSettings(row: ReviewSettingsTable | undefined): ReviewSettings {
  if (!row) return { dueBusinessDays: DEFAULT_DUE_BUSINESS_DAYS, reminderChannelIds: [], emailChannelId: null, updatedAt: null };
  return { dueBusinessDays: Number(row.due_business_days), reminderChannelIds: JSON.parse(row.reminder_channel_ids), emailChannelId: row.email_channel_id, updatedAt: iso(row.updated_at) };
}
