import type { FastifyInstance } from 'fastify';
import type { SecretBox } from './crypto/index.ts';
import type { CustosMigration } from './db/index.ts';
import type { ComponentHealth } from './health.ts';
import type { JobRunner } from './jobs/index.ts';
import type { Runtime } from './runtime.ts';

/**
 * What a domain module contributes to the process. The composition root (src/app/modules.ts)
 * lists modules; the platform wires them without knowing their tables or rules.
 */
export interface CustosModule {
  name: string;
  /** Named migrations; names sort globally, so prefix them with a date and sequence. */
  migrations?: Record<string, CustosMigration>;
  /** Registers durable job handlers on the runner. */
  registerJobs?(runner: JobRunner, runtime: Runtime): void;
  /** Hooks and decorators for the /api/v1 scope (authentication), registered before any route. */
  plugins?(api: FastifyInstance, runtime: Runtime): Promise<void> | void;
  /** Registers REST routes, mounted under /api/v1. */
  routes?(app: FastifyInstance, runtime: Runtime): Promise<void> | void;
  /** Registers routes outside /api/v1 (ping URLs, status pages, ingest). */
  rootRoutes?(app: FastifyInstance, runtime: Runtime): Promise<void> | void;
  /** Runs after migrations when the process serves (bootstrap, background loops). */
  start?(runtime: Runtime): Promise<void> | void;
  stop?(runtime: Runtime): Promise<void> | void;
  /** Extra components for /api/health (asked only while the database is up and migrated). */
  health?(runtime: Runtime): Promise<Record<string, ComponentHealth>>;
  /** Re-encrypts every secret the module stores with the current key; returns how many changed. */
  rotateSecrets?(runtime: Runtime, box: SecretBox): Promise<number>;
}
