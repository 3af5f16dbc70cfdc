export { enqueueJob, claimJobs, completeJob, completeJobs, failJob, countDueJobs, getJob, type Job, type EnqueueJobInput } from './queue.ts';
export { JobRunner, RetryLaterError, PermanentJobError, type JobHandler, type JobContext, type BatchJobHandler, type BatchJobContext, type BatchJobOptions, type JobRunnerOptions, type RunOnceSummary } from './runner.ts';
export { jobsMigration, jobsKindIndexMigration, type JobTables, type JobsTable } from './schema.ts';
