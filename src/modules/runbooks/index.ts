import type { CustosModule } from '../../platform/module.ts';
import { runbookRoutes } from './routes.ts';
import { runbookMigrations } from './schema.ts';

export { createRunbook } from './create-runbook.ts';
export { updateRunbook } from './update-runbook.ts';
export { putRunbook } from './put-runbook.ts';
export { getRunbook } from './get-runbook.ts';
export { listRunbooks } from './list-runbooks.ts';
export { deleteRunbook } from './delete-runbook.ts';
export { listRunbookVersions } from './list-runbook-versions.ts';
export { getRunbookVersion } from './get-runbook-version.ts';
export { restoreRunbookVersion } from './restore-runbook-version.ts';
export { matchRunbooks } from './match-runbooks.ts';
export { parseLabelPairs } from './match.ts';
export { renderMarkdown } from '../../platform/markdown.ts';
export { parseRunbookDocument } from './runbook-document.ts';
export { RUNBOOK_ERRORS } from './errors.ts';
export * from './schemas.ts';

/** Markdown runbooks, versioned, matched to alerts and incidents by their labels. */
export const runbooksModule: CustosModule = {
  name: 'runbooks',
  migrations: runbookMigrations,
  routes: (api) => runbookRoutes(api),
};
