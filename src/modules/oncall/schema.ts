import type { CustosMigration } from '../../platform/db/index.ts';

export type SchedulesTable = { id: string; org_id: string; name: string; description: string | null; time_zone: string; created_at: number; updated_at: number };

export type LayersTable = {
  id: string;
  org_id: string;
  schedule_id: string;
  name: string;
  /** Higher positions override lower ones. */
  position: number;
  /** JSON array of user ids, in turn order. */
  participants: string;
  rotation: 'daily' | 'weekly' | 'custom';
  shift_hours: number;
  handoff_time: string;
  time_zone: string;
  start_date: string;
  /** JSON array of `{ days, start, end }`; empty means always. */
  restrictions: string;
  created_at: number;
  updated_at: number;
};

export type OverridesTable = { id: string; org_id: string; schedule_id: string; user_id: string; start_at: number; end_at: number; note: string | null; created_by: string; created_at: number };

/** iCal feed credentials: only the SHA-256 of the token is kept. */
export type FeedTokensTable = {
  id: string;
  org_id: string;
  kind: 'schedule' | 'user';
  target_id: string;
  token_hash: string;
  prefix: string;
  created_by: string;
  created_at: number;
  revoked_at: number | null;
};

export type PoliciesTable = {
  id: string;
  org_id: string;
  name: string;
  description: string | null;
  /** JSON array of `{ delayMinutes, targets: [{ type, id }] }`, sorted by delay. */
  steps: string;
  repeat_count: number;
  repeat_after_min: number;
  created_at: number;
  updated_at: number;
};

export type ContactMethodsTable = {
  id: string;
  org_id: string;
  user_id: string;
  type: 'email' | 'sms' | 'voice' | 'chat';
  address: string | null;
  channel_id: string | null;
  label: string | null;
  created_at: number;
  updated_at: number;
};

export type NotificationRulesTable = {
  id: string;
  org_id: string;
  user_id: string;
  contact_method_id: string;
  delay_min: number;
  urgency: 'high' | 'low' | 'any';
  created_at: number;
  updated_at: number;
};

export type RunStatus = 'active' | 'acknowledged' | 'stopped';

export type RunsTable = {
  id: string;
  org_id: string;
  policy_id: string;
  subject_type: string;
  subject_id: string;
  /** JSON `{ type, id, title, severity, url? }`. */
  subject: string;
  urgency: 'high' | 'low';
  /** JSON of the notification message each page carries. */
  message: string;
  /** JSON snapshot of the policy at the start: later edits do not change a running escalation. */
  policy: string;
  status: RunStatus;
  /** `<org>:<type>:<id>` while active, else null: at most one active run per subject. */
  active_key: string | null;
  started_at: number;
  ended_at: number | null;
  ended_by: string | null;
  end_reason: string | null;
  created_at: number;
  updated_at: number;
};

export type EventsTable = {
  id: string;
  org_id: string;
  run_id: string;
  subject_type: string;
  subject_id: string;
  /** The job step or page this event records; unique, so a job that runs twice records once. */
  event_key: string | null;
  at: number;
  kind: string;
  repeat_no: number | null;
  step_no: number | null;
  user_id: string | null;
  method: string | null;
  contact_method_id: string | null;
  channel_id: string | null;
  dispatch_id: string | null;
  detail: string | null;
};

export type OncallTables = {
  oncall_schedules: SchedulesTable;
  oncall_layers: LayersTable;
  oncall_overrides: OverridesTable;
  oncall_feed_tokens: FeedTokensTable;
  escalation_policies: PoliciesTable;
  oncall_contact_methods: ContactMethodsTable;
  oncall_notification_rules: NotificationRulesTable;
  escalation_runs: RunsTable;
  escalation_events: EventsTable;
};

type Schema = Parameters<CustosMigration['up']>[0]['schema'];
type TableBuilder = ReturnType<Schema['createTable']>;

const withTimes = (t: TableBuilder, updated = true) => {
  const created = t.addColumn('created_at', 'bigint', (c) => c.notNull());
  return updated ? created.addColumn('updated_at', 'bigint', (c) => c.notNull()) : created;
};
const base = (schema: Schema, name: string) => schema.createTable(name).addColumn('id', 'text', (c) => c.primaryKey()).addColumn('org_id', 'text', (c) => c.notNull());

async function schedulesUp(schema: Schema): Promise<void> {
  await withTimes(base(schema, 'oncall_schedules').addColumn('name', 'text', (c) => c.notNull()).addColumn('description', 'text').addColumn('time_zone', 'text', (c) => c.notNull()))
    .execute();
  await schema.createIndex('oncall_schedules_name').on('oncall_schedules').columns(['org_id', 'name']).unique().execute();
  await withTimes(
    base(schema, 'oncall_layers')
      .addColumn('schedule_id', 'text', (c) => c.notNull().references('oncall_schedules.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('participants', 'text', (c) => c.notNull())
      .addColumn('rotation', 'text', (c) => c.notNull())
      .addColumn('shift_hours', 'integer', (c) => c.notNull())
      .addColumn('handoff_time', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('restrictions', 'text', (c) => c.notNull()),
  ).execute();
  await schema.createIndex('oncall_layers_schedule').on('oncall_layers').columns(['schedule_id', 'position']).execute();
  await withTimes(
    base(schema, 'oncall_overrides')
      .addColumn('schedule_id', 'text', (c) => c.notNull().references('oncall_schedules.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('start_at', 'bigint', (c) => c.notNull())
      .addColumn('end_at', 'bigint', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull()),
    false,
  ).execute();
  await schema.createIndex('oncall_overrides_schedule').on('oncall_overrides').columns(['schedule_id', 'end_at']).execute();
  await withTimes(
    base(schema, 'oncall_feed_tokens')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'bigint'),
    false,
  ).execute();
  await schema.createIndex('oncall_feed_tokens_target').on('oncall_feed_tokens').columns(['org_id', 'kind', 'target_id']).execute();
}

async function escalationUp(schema: Schema): Promise<void> {
  await withTimes(
    base(schema, 'escalation_policies')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('steps', 'text', (c) => c.notNull())
      .addColumn('repeat_count', 'integer', (c) => c.notNull())
      .addColumn('repeat_after_min', 'integer', (c) => c.notNull()),
  ).execute();
  await schema.createIndex('escalation_policies_name').on('escalation_policies').columns(['org_id', 'name']).unique().execute();
  await withTimes(
    base(schema, 'oncall_contact_methods')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('channel_id', 'text')
      .addColumn('label', 'text'),
  ).execute();
  await schema.createIndex('oncall_contact_methods_user').on('oncall_contact_methods').columns(['org_id', 'user_id']).execute();
  await withTimes(
    base(schema, 'oncall_notification_rules')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('contact_method_id', 'text', (c) => c.notNull().references('oncall_contact_methods.id').onDelete('cascade'))
      .addColumn('delay_min', 'integer', (c) => c.notNull())
      .addColumn('urgency', 'text', (c) => c.notNull()),
  ).execute();
  await schema.createIndex('oncall_notification_rules_user').on('oncall_notification_rules').columns(['org_id', 'user_id']).execute();
  await withTimes(
    base(schema, 'escalation_runs')
      .addColumn('policy_id', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('urgency', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('policy', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('active_key', 'text', (c) => c.unique())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'bigint')
      .addColumn('ended_by', 'text')
      .addColumn('end_reason', 'text'),
  ).execute();
  await schema.createIndex('escalation_runs_subject').on('escalation_runs').columns(['org_id', 'subject_type', 'subject_id']).execute();
  await base(schema, 'escalation_events')
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('event_key', 'text', (c) => c.unique())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('repeat_no', 'integer')
    .addColumn('step_no', 'integer')
    .addColumn('user_id', 'text')
    .addColumn('method', 'text')
    .addColumn('contact_method_id', 'text')
    .addColumn('channel_id', 'text')
    .addColumn('dispatch_id', 'text')
    .addColumn('detail', 'text')
    .execute();
  await schema.createIndex('escalation_events_subject').on('escalation_events').columns(['org_id', 'subject_type', 'subject_id', 'at']).execute();
}

export const oncallMigrations: Record<string, CustosMigration> = {
  '2026-11-24-0800-oncall-schedules': { up: (db) => schedulesUp(db.schema) },
  '2026-11-24-0810-escalation': { up: (db) => escalationUp(db.schema) },
};
