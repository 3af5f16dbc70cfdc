import type { CustosMigration } from '../../platform/db/index.ts';

export type ReviewStatus = 'draft' | 'filed';

/** One post-incident review per incident. */
export type ReviewsTable = {
  id: string;
  org_id: string;
  incident_id: string;
  status: ReviewStatus;
  /** Copied from the incident: its severity policy asked for a review. */
  required: number;
  incident_title: string;
  severity: string;
  incident_resolved_at: number | null;
  /** Set once the incident has resolved: business days after it on the organization's calendar. */
  due_at: number | null;
  summary: string;
  impact: string;
  /** JSON array of `{ at, kind, actor, text }`. */
  timeline: string;
  contributing_factors: string;
  filed_at: number | null;
  filed_by: string | null;
  reminder_count: number;
  last_reminded_at: number | null;
  created_at: number;
  updated_at: number;
};

export type ActionItemStatus = 'open' | 'done';

export type ReviewActionItemsTable = {
  id: string;
  org_id: string;
  review_id: string;
  title: string;
  owner_id: string | null;
  /** `YYYY-MM-DD`. */
  due_date: string | null;
  status: ActionItemStatus;
  tracker_url: string | null;
  done_at: number | null;
  created_at: number;
  updated_at: number;
};

export type ReviewSettingsTable = {
  org_id: string;
  due_business_days: number;
  /** JSON array of channel ids that get every overdue reminder. */
  reminder_channel_ids: string;
  /** An email channel that mails each recipient their own copy. */
  email_channel_id: string | null;
  created_at: number;
  updated_at: number;
};

export type ReviewTables = {
  reviews: ReviewsTable;
  review_action_items: ReviewActionItemsTable;
  review_settings: ReviewSettingsTable;
};

export const reviewMigrations: Record<string, CustosMigration> = {
  '2026-12-10-0300-reviews': {
    async up(db) {
      await db.schema
        .createTable('reviews')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('required', 'integer', (c) => c.notNull())
        .addColumn('incident_title', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('incident_resolved_at', 'bigint')
        .addColumn('due_at', 'bigint')
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('impact', 'text', (c) => c.notNull())
        .addColumn('timeline', 'text', (c) => c.notNull())
        .addColumn('contributing_factors', 'text', (c) => c.notNull())
        .addColumn('filed_at', 'bigint')
        .addColumn('filed_by', 'text')
        .addColumn('reminder_count', 'integer', (c) => c.notNull())
        .addColumn('last_reminded_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('reviews_org_incident', ['org_id', 'incident_id'])
        .execute();
      await db.schema.createIndex('reviews_org_status_due').on('reviews').columns(['org_id', 'status', 'due_at']).execute();

      await db.schema
        .createTable('review_action_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('review_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text')
        .addColumn('due_date', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('tracker_url', 'text')
        .addColumn('done_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('review_action_items_review').on('review_action_items').columns(['review_id', 'created_at']).execute();

      await db.schema
        .createTable('review_settings')
        .addColumn('org_id', 'text', (c) => c.primaryKey())
        .addColumn('due_business_days', 'integer', (c) => c.notNull())
        .addColumn('reminder_channel_ids', 'text', (c) => c.notNull())
        .addColumn('email_channel_id', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};
