import type { CustosModule } from '../../platform/module.ts';
import { reportRoutes } from './routes.ts';

export { buildReport } from './build-report.ts';
export { checkCompliance } from './check-compliance.ts';
export { methodology } from './methodology.ts';
export { renderReportHtml } from './render-html.ts';
export { renderReportCsv } from './render-csv.ts';
export { resolvePeriod, MAX_REPORT_DAYS, type Period } from './period.ts';
export { REPORT_ERRORS } from './errors.ts';
export { COMPLIANCE_RULES } from './compliance/rules/index.ts';
export type { ComplianceRule, RuleOutcome, FindingDraft } from './compliance/rule.ts';
export type { ComplianceFacts } from './compliance/facts.ts';
export * from './compliance/schemas.ts';
export * from './schemas.ts';

/** Reports for any period and compliance findings, computed from the other modules' verbs; owns no tables. */
export const reportsModule: CustosModule = {
  name: 'reports',
  routes: (api) => reportRoutes(api),
};
