import type { CustosMigration } from '../../platform/db/index.ts';

/** Public halves of every signing key this installation has used, with when each was current. */
export type SigningKeysTable = { key_id: string; public_key: string; valid_from: number; valid_to: number | null; created_at: number };

/** A signed statement of one organization's chain head at one hour. */
/** `slot` is the hour it stands for (one per organization and hour); `at` is when it was signed. */
export type CheckpointsTable = { id: string; org_id: string; slot: number; seq: number; hash: string; at: number; key_id: string; signature: string };

export type WitnessType = 'directory' | 'http' | 'rfc3161';

/** `settings` is the encrypted JSON of the type's settings (an endpoint URL may carry credentials). */
export type WitnessesTable = { id: string; org_id: string; name: string; type: WitnessType; settings: string; enabled: number; created_at: number; updated_at: number };

export type PublicationStatus = 'pending' | 'published' | 'failed';

export type PublicationsTable = {
  id: string;
  org_id: string;
  checkpoint_id: string;
  witness_id: string;
  status: PublicationStatus;
  attempts: number;
  last_error: string | null;
  /** What the witness handed back: a file path, an HTTP status, an RFC 3161 token (base64). */
  receipt: string | null;
  published_at: number | null;
  created_at: number;
  updated_at: number;
};

/** The last drift check of one organization's chain. */
export type IntegrityTable = {
  org_id: string;
  checked_at: number;
  mode: 'recent' | 'full';
  from_seq: number;
  to_seq: number;
  ok: number;
  /** JSON `{ seq, reason, detail }` of the first problem. */
  problem: string | null;
  /** The newest checkpoint whose event was found intact, where the next recent check starts. */
  verified_seq: number;
  last_full_at: number | null;
};

export type EvidenceSettingsTable = { org_id: string; export_dir: string | null; updated_at: number };

export type EvidenceTables = {
  evidence_signing_keys: SigningKeysTable;
  audit_checkpoints: CheckpointsTable;
  evidence_witnesses: WitnessesTable;
  evidence_publications: PublicationsTable;
  evidence_integrity: IntegrityTable;
  evidence_settings: EvidenceSettingsTable;
};

export const evidenceMigrations: Record<string, CustosMigration> = {
  '2026-11-23-1000-evidence': {
    async up(db) {
      await db.schema
        .createTable('evidence_signing_keys')
        .addColumn('key_id', 'text', (c) => c.primaryKey())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'bigint', (c) => c.notNull())
        .addColumn('valid_to', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('audit_checkpoints')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('slot', 'bigint', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('key_id', 'text', (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .addUniqueConstraint('audit_checkpoints_org_slot', ['org_id', 'slot'])
        .execute();
      await db.schema.createIndex('audit_checkpoints_org_seq').on('audit_checkpoints').columns(['org_id', 'seq']).execute();
      await db.schema
        .createTable('evidence_witnesses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('evidence_witnesses_org').on('evidence_witnesses').columns(['org_id', 'created_at']).execute();
      await db.schema
        .createTable('evidence_publications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('checkpoint_id', 'text', (c) => c.notNull())
        .addColumn('witness_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('receipt', 'text')
        .addColumn('published_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('evidence_publications_once', ['checkpoint_id', 'witness_id'])
        .execute();
      await db.schema.createIndex('evidence_publications_witness').on('evidence_publications').columns(['witness_id', 'status', 'published_at']).execute();
      await db.schema
        .createTable('evidence_integrity')
        .addColumn('org_id', 'text', (c) => c.primaryKey())
        .addColumn('checked_at', 'bigint', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('from_seq', 'bigint', (c) => c.notNull())
        .addColumn('to_seq', 'bigint', (c) => c.notNull())
        .addColumn('ok', 'integer', (c) => c.notNull())
        .addColumn('problem', 'text')
        .addColumn('verified_seq', 'bigint', (c) => c.notNull())
        .addColumn('last_full_at', 'bigint')
        .execute();
      await db.schema
        .createTable('evidence_settings')
        .addColumn('org_id', 'text', (c) => c.primaryKey())
        .addColumn('export_dir', 'text')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};
