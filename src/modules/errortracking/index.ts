import type { CustosModule } from '../../platform/module.ts';
import type { Services } from '../../platform/context.ts';
import { DigestLoop } from './digest/digest-loop.ts';
import { hasQueuedEvents, type DigestDeps } from './digest/digest-batch.ts';
import { SourceMapCache } from './digest/source-map-cache.ts';
import { groupingConfigs, type GroupingConfigs } from './grouping/index.ts';
import { DEFAULT_INGEST_LIMITS, IngestService, type IngestLimits } from './ingest/ingest-service.ts';
import { ingestRoutes } from './ingest/ingest-routes.ts';
import { registerErrorTrackingJobs } from './jobs.ts';
import { WriterClient } from './writer/writer-client.ts';
import { errorTrackingMigrations } from './migrations.ts';
import { issueRoutes } from './routes/issue-routes.ts';
import { projectRoutes } from './routes/project-routes.ts';
import { releaseRoutes } from './routes/release-routes.ts';
import { reencryptColumn } from '../../platform/crypto/index.ts';

export { ERROR_TRACKING_ERRORS } from './errors.ts';
export { createProject } from './create-project.ts';
export { getProject } from './get-project.ts';
export { listProjects } from './list-projects.ts';
export { updateProject, GROUPING_TRANSITION_MS } from './update-project.ts';
export { findProjectByRef, type ProjectDeps } from './project-deps.ts';
export { createKey } from './create-key.ts';
export { listKeys } from './list-keys.ts';
export { updateKey } from './update-key.ts';
export { rotateKey } from './rotate-key.ts';
export { revokeKey } from './revoke-key.ts';
export { listIssues } from './list-issues.ts';
export { getIssue } from './get-issue.ts';
export { updateIssue } from './update-issue.ts';
export { listIssueEvents } from './list-issue-events.ts';
export { getIssueEvent } from './get-issue-event.ts';
export { createRelease } from './create-release.ts';
export { listReleases } from './list-releases.ts';
export { uploadSourcemaps } from './upload-sourcemaps.ts';
export { listArtifacts } from './list-artifacts.ts';
export { createAlertRule } from './create-alert-rule.ts';
export { listAlertRules } from './list-alert-rules.ts';
export { updateAlertRule } from './update-alert-rule.ts';
export { deleteAlertRule } from './delete-alert-rule.ts';
export { getOutcomes } from './get-outcomes.ts';
export { getScrubReport } from './get-scrub-report.ts';
export { digestBatch, FORWARD_JOB, MAX_DIGEST_ATTEMPTS, type DigestDeps, type DigestSummary } from './digest/digest-batch.ts';
export { digestAll, DigestLoop } from './digest/digest-loop.ts';
export { IngestService, DEFAULT_INGEST_LIMITS, type IngestLimits, type IngestRequest } from './ingest/ingest-service.ts';
export { parseEnvelope } from './ingest/envelope.ts';
export { scrubEvent } from './scrub-event.ts';
export { groupingConfigs, createGroupingConfigs, defaultComponents, CURRENT_GROUPING_CONFIG, GroupingConfigs, normalizeMessage, type GroupingConfig } from './grouping/index.ts';
export * from './schemas.ts';
export * from './issue-schemas.ts';

export interface ErrorTrackingModuleOptions {
  limits?: Partial<IngestLimits>;
  /** Grouping configs projects may use (defaults to this build's). */
  grouping?: GroupingConfigs;
  /** Runs the digest loop in processes that run jobs (default); false leaves it to tests or another process. */
  digest?: boolean;
  digestBatchSize?: number;
  /**
   * Commit ingest and digest in a worker thread with its own connection (default: yes, unless the
   * database is in memory): HTTP stays on the main thread and SQLite sees one writer for this traffic.
   */
  writerThread?: boolean;
}

export type ErrorTrackingModule = CustosModule & {
  /** The ingest service once the routes are built. */
  ingest(): IngestService | null;
  digestLoop(): DigestLoop | null;
};

/** What the digest needs from the process. */
export function digestDepsOf(services: Services, grouping: GroupingConfigs = groupingConfigs): DigestDeps {
  return { db: services.db, clock: services.clock, logger: services.logger.child({ component: 'digest' }), grouping, sourceMaps: new SourceMapCache(services.db), publicUrl: services.config.publicUrl };
}

/** Error tracking compatible with the Sentry SDKs: DSN projects, durable ingest, digest into issues, rules, source maps. */
export function createErrorTrackingModule(options: ErrorTrackingModuleOptions = {}): ErrorTrackingModule {
  const limits: IngestLimits = { ...DEFAULT_INGEST_LIMITS, ...options.limits };
  let ingest: IngestService | null = null;
  let loop: DigestLoop | null = null;
  let writer: WriterClient | null = null;
  return {
    name: 'errortracking',
    migrations: errorTrackingMigrations,
    ingest: () => ingest,
    digestLoop: () => loop,
    registerJobs: (runner, runtime) => registerErrorTrackingJobs(runner, runtime),
    rotateSecrets: (runtime, box) => reencryptColumn(runtime.db, 'error_projects', 'forward_dsn', box),
    routes: (api, runtime) => {
      projectRoutes(api, { publicUrl: runtime.config.publicUrl, secrets: runtime.secrets, grouping: options.grouping ?? groupingConfigs, onChange: () => ingest?.keys.clear() });
      releaseRoutes(api);
      issueRoutes(api);
    },
    rootRoutes: async (app, runtime) => {
      ingest = new IngestService({ db: runtime.db, dialect: runtime.dialect, clock: runtime.clock, logger: runtime.logger.child({ component: 'ingest' }), limits });
      const service = ingest;
      app.addHook('onClose', () => service.drain());
      await ingestRoutes(app, service);
    },
    start: async (runtime) => {
      ingest?.gauge.start();
      const digest = runtime.config.role !== 'api' && options.digest !== false;
      if (options.writerThread !== false && !runtime.config.databaseUrl.includes(':memory:') && !options.grouping) {
        writer = new WriterClient(
          { databaseUrl: runtime.config.databaseUrl, dialect: runtime.dialect, poolSize: Math.min(4, runtime.config.dbPoolSize), logLevel: runtime.config.logLevel, publicUrl: runtime.config.publicUrl, digest, digestBatchSize: options.digestBatchSize, maxEventBytes: limits.maxEventBytes },
          runtime.logger.child({ component: 'errortracking' }),
        );
        // The thread (its own isolate, tens of MB) starts with the first event, or now when a
        // backlog from before a restart waits to be digested.
        if (digest && (await hasQueuedEvents(runtime.db))) writer.start();
        await ingest?.useBackend(writer);
        return;
      }
      if (!digest) return;
      loop = new DigestLoop({ ...digestDepsOf(runtime, options.grouping), dialect: runtime.dialect, batchSize: options.digestBatchSize });
      loop.start();
    },
    stop: async () => {
      ingest?.gauge.stop();
      await ingest?.drain();
      await writer?.stop();
      writer = null;
      await loop?.stop();
      loop = null;
    },
  };
}
