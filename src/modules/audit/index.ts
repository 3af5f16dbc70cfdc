import type { CustosModule } from '../../platform/module.ts';
import { auditRoutes } from './routes.ts';
import { auditMigrations } from './schema.ts';

export { recordAudit, type AuditEntry, type RecordedAuditEvent } from './record.ts';
export { verifyChain, verifyAuditChain, type ChainVerification, type ChainBreak } from './verify.ts';
export { listAuditEvents, ListAuditEventsInput, AuditEvent } from './list.ts';
export { withoutSecrets } from './sanitize.ts';
export { GENESIS_HASH, hashAuditEvent } from './hash.ts';
export { getChainHead, type ChainHead } from './head.ts';

/** The organization id of the chain for events that belong to no organization (unknown-user logins). */
export const SYSTEM_CHAIN = 'system';

export const auditModule: CustosModule = {
  name: 'audit',
  migrations: auditMigrations,
  routes: (app) => auditRoutes(app),
};
