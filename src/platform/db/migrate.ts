import { Migrator, sql, type Migration, type MigrationResult } from 'kysely';
import type { Db, Dialect } from './types.ts';

/** A migration gets the dialect so the rare engine-specific statement can branch. */
export interface CustosMigration {
  up(db: Db, dialect: Dialect): Promise<void>;
  down?(db: Db, dialect: Dialect): Promise<void>;
}

export interface MigrationSummary {
  applied: string[];
  failed: { name: string; error: string } | null;
}

/** Invalid schema name or undefined table: a catalog object vanished under the introspection. */
const isCatalogRace = (error: unknown) => ['3F000', '42P01'].includes(String((error as { code?: unknown }).code));

/** Applies every pending migration in name order; returns what ran instead of throwing mid-way. */
export async function migrateToLatest(db: Db, dialect: Dialect, migrations: Record<string, CustosMigration>): Promise<MigrationSummary> {
  const provider = {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(
        Object.entries(migrations).map(([name, m]) => [
          name,
          { up: (d: Db) => m.up(d, dialect), down: m.down ? (d: Db) => m.down!(d, dialect) : undefined },
        ]),
      );
    },
  };
  // Kysely looks for its tables in every schema unless told which; pin it to ours, so another
  // Custos in a sibling schema of the same database does not look like our migration state.
  const schema = dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'custos_migrations',
    migrationLockTableName: 'custos_migrations_lock',
    migrationTableSchema: schema,
    // Each module names its own migrations; one added later may sort before another module's
    // applied one, and must still run on an existing database.
    allowUnorderedMigrations: true,
  });
  let { error, results } = await migrator.migrateToLatest();
  // Kysely looks for its tables by introspecting every schema (pg_get_serial_sequence on each
  // table), which fails when another session drops a schema meanwhile (parallel test suites, a
  // DBA): nothing has run then, so try again.
  for (let attempt = 1; attempt < 4 && error && !results?.length && isCatalogRace(error); attempt++) ({ error, results } = await migrator.migrateToLatest());
  const applied = (results ?? []).filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName);
  const failedResult = (results ?? []).find((r: MigrationResult) => r.status === 'Error');
  if (error || failedResult) {
    return { applied, failed: { name: failedResult?.migrationName ?? '(migrator)', error: error instanceof Error ? error.message : String(error) } };
  }
  return { applied, failed: null };
}
